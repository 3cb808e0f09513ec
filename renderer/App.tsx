/** The app shell: navigation, the current screen, messages. */
import { useState } from 'react';
import { AppProvider, useApp } from './state/AppContext.js';
import type { Route } from './state/route.js';
import { routeHash } from './state/route.js';
import { Toasts } from './components/Toasts.js';
import { HelpDialog } from './components/HelpDialog.js';
import { JoinLibraryForm } from './components/JoinLibraryForm.js';
import { SyncPanel } from './components/SyncPanel.js';
import { useMenuCommands } from './hooks/useMenuCommands.js';
import { LibraryScreen } from './screens/LibraryScreen.js';
import { CourseScreen } from './screens/CourseScreen.js';
import { ProblemsScreen } from './screens/ProblemsScreen.js';
import { RecoveredScreen } from './screens/RecoveredScreen.js';
import { PublishScreen } from './screens/PublishScreen.js';
import { ProfileScreen } from './screens/ProfileScreen.js';
import { TermsScreen } from './screens/planning/TermsScreen.js';
import { TermPlannerScreen } from './screens/planning/TermPlannerScreen.js';
import { VenuesScreen } from './screens/planning/VenuesScreen.js';
import { TrainersScreen } from './screens/planning/TrainersScreen.js';
import { CollegeScreen } from './screens/planning/CollegeScreen.js';
import { PagesScreen } from './screens/PagesScreen.js';
import { useWorkRole } from './hooks/useWorkRole.js';

/** The whole app. */
export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}

function NavLink({ to, label, extra }: { to: Route; label: string; extra?: string }) {
  const { route, navigate } = useApp();
  const current =
    route.screen === to.screen ||
    (to.screen === 'library' && route.screen === 'course') ||
    (to.screen === 'terms' && route.screen === 'term');
  return (
    <li>
      <a
        href={routeHash(to)}
        className="nav__link"
        aria-current={current ? 'page' : undefined}
        onClick={(event) => {
          event.preventDefault();
          void navigate(to);
        }}
      >
        {label}
        {extra && <span className="nav__count">{extra}</span>}
      </a>
    </li>
  );
}

function Shell() {
  const { library, libraryError, identity, route, trainer, announcement } = useApp();
  const me = identity?.trainerId ? trainer(identity.trainerId) : undefined;
  const [helpOpen, setHelpOpen] = useState(false);
  useMenuCommands(() => setHelpOpen(true));
  const problemCount = library?.problems.length ?? 0;
  // Administrators see the planning screens first; everyone can reach every screen.
  const planning = [
    <NavLink key="terms" to={{ screen: 'terms' }} label="Terms" />,
    <NavLink key="venues" to={{ screen: 'venues' }} label="Venues" />,
    <NavLink key="trainers" to={{ screen: 'trainers' }} label="Trainers" />,
    <NavLink key="college" to={{ screen: 'college' }} label="College" />,
    <NavLink key="pages" to={{ screen: 'pages' }} label="Pages" />,
  ];
  const administrator = useWorkRole() === 'administrator';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="sidebar">
        <p className="sidebar__college">{library?.collegeName ?? 'Tandem'}</p>
        <nav aria-label="Main">
          <ul className="nav">
            {administrator && planning}
            <NavLink to={{ screen: 'library' }} label="Courses" />
            <NavLink
              to={{ screen: 'problems' }}
              label="Problems"
              extra={problemCount ? String(problemCount) : undefined}
            />
            <NavLink to={{ screen: 'publish' }} label="Publish" />
            {!administrator && planning}
            <NavLink to={{ screen: 'profile' }} label="Your profile" />
            <NavLink to={{ screen: 'recovered' }} label="Recovered text" />
          </ul>
        </nav>
        {library && <SyncPanel />}
        <p className="sidebar__me">
          {me ? (
            <>
              Using Tandem as <strong>{me.name}</strong>
              <br />
              <span className="muted">{me.role} trainer</span>
            </>
          ) : (
            <span className="muted">Choose who you are under “Your profile”.</span>
          )}
        </p>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {libraryError && !library && (
          <div className="notice notice--problem" role="alert">
            <h1>The course library could not be opened</h1>
            <p>{libraryError}</p>
          </div>
        )}
        {libraryError && !library && <JoinLibraryForm />}
        {!library && !libraryError && <p className="loading">Opening the course library…</p>}
        {library && <Screen route={route} />}
      </main>
      <Toasts />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'course':
      return <CourseScreen key={route.courseId} courseId={route.courseId} tab={route.tab} />;
    case 'problems':
      return <ProblemsScreen courseId={route.courseId} />;
    case 'publish':
      return <PublishScreen />;
    case 'profile':
      return <ProfileScreen />;
    case 'terms':
      return <TermsScreen />;
    case 'term':
      return <TermPlannerScreen key={route.termId} termId={route.termId} />;
    case 'venues':
      return <VenuesScreen />;
    case 'trainers':
      return <TrainersScreen />;
    case 'college':
      return <CollegeScreen />;
    case 'recovered':
      return <RecoveredScreen />;
    case 'pages':
      return <PagesScreen />;
    default:
      return <LibraryScreen />;
  }
}
