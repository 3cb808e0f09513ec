/** The person's work role (trainer or administrator), kept up to date when the profile changes it. */
import { useEffect, useState } from 'react';
import { WORK_ROLE_CHANGED, readWorkRole, type WorkRole } from '../state/work-role.js';

/** The current role, updated when the profile changes it. */
export function useWorkRole(): WorkRole {
  const [role, setRole] = useState(readWorkRole);
  useEffect(() => {
    const update = () => setRole(readWorkRole());
    window.addEventListener(WORK_ROLE_CHANGED, update);
    return () => window.removeEventListener(WORK_ROLE_CHANGED, update);
  }, []);
  return role;
}
