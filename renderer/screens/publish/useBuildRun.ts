/**
 * One build at a time from the Publish screen. The screen chooses the build's id before asking,
 * so every event of its own build is recognised as it arrives, even one sent before
 * `startBuild` has returned, and events of any other build are ignored.
 */
import { useRef, useState } from 'react';
import type {
  BuildProgress,
  BuildResult,
  TandemApi,
  TandemEvent,
} from '../../../main/api/contract.js';
import { errorMessage, tandem } from '../../api.js';
import { useTandemEvent } from '../../hooks/useTandemEvent.js';

type BuildRequest = Omit<Parameters<TandemApi['startBuild']>[0], 'buildId'>;

export interface BuildRun {
  running: boolean;
  progress: BuildProgress | undefined;
  result: BuildResult | undefined;
  startError: string | undefined;
  start: (request: BuildRequest) => Promise<void>;
}

/** Runs builds and keeps their progress and result; `announce` speaks the outcome. */
export function useBuildRun(announce: (message: string) => void): BuildRun {
  const [buildId, setBuildId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<BuildProgress | undefined>(undefined);
  const [result, setResult] = useState<BuildResult | undefined>(undefined);
  const [startError, setStartError] = useState<string | undefined>(undefined);
  // The id as of now, for events that arrive between renders.
  const current = useRef<string | undefined>(undefined);

  useTandemEvent((event: TandemEvent) => {
    if (event.type !== 'build-progress' && event.type !== 'build-finished') return;
    if (event.buildId !== current.current) return;
    if (event.type === 'build-progress') setProgress(event.progress);
    else {
      current.current = undefined;
      setBuildId(undefined);
      setResult(event.result);
      announce(
        event.result.ok ? 'Publishing finished.' : 'Publishing stopped. The reasons are listed.',
      );
    }
  });

  const start = async (request: BuildRequest) => {
    const id = crypto.randomUUID();
    current.current = id;
    setBuildId(id);
    setResult(undefined);
    setStartError(undefined);
    setProgress({ phase: 'load', done: 0, total: 1, message: 'Starting…' });
    try {
      await tandem().startBuild({ ...request, buildId: id });
    } catch (e) {
      if (current.current === id) {
        current.current = undefined;
        setBuildId(undefined);
        setProgress(undefined);
        setStartError(errorMessage(e));
      }
    }
  };

  return { running: buildId !== undefined, progress, result, startError, start };
}
