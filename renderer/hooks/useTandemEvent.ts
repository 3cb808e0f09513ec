/** Subscribes a component to back-end events for as long as it is mounted. */
import { useEffect, useRef } from 'react';
import type { TandemEvent } from '../../main/api/contract.js';
import { tandem } from '../api.js';

/** Calls `listener` (always the latest one) for every event the back end pushes. */
export function useTandemEvent(listener: (event: TandemEvent) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => tandem().onEvent((event) => latest.current(event)), []);
}
