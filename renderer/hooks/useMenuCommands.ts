/** Carries out the desktop app's menu commands (the browser mode has no menu, so none arrive). */
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { useTandemEvent } from './useTandemEvent.js';

/** Handles `menu` events; `onHelp` opens the help dialog. */
export function useMenuCommands(onHelp: () => void): void {
  const app = useApp();
  useTandemEvent((event) => {
    if (event.type !== 'menu') return;
    switch (event.command) {
      case 'open-library':
        void (async () => {
          if (!(await app.saveNow())) return;
          try {
            const opened = await tandem().chooseLibrary();
            if (!opened) return;
            await app.refreshLibrary();
            await app.navigate({ screen: 'library' });
            app.announce(`Opened ${opened.collegeName}.`);
          } catch (error) {
            app.showToast({ message: `The library could not be opened: ${errorMessage(error)}` });
          }
        })();
        break;
      case 'new-course':
        void app.navigate({ screen: 'library' }).then(app.requestNewCourse);
        break;
      case 'save':
        void app
          .saveNow()
          .then((ok) => app.announce(ok ? 'Everything is saved.' : 'Not saved yet. Please retry.'));
        break;
      case 'show-problems':
        void app.navigate({ screen: 'problems' });
        break;
      case 'publish':
        void app.navigate({ screen: 'publish' });
        break;
      case 'help':
        onHelp();
        break;
    }
  });
}
