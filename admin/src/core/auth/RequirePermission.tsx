import type { ReactNode } from 'react';
import { Forbidden } from '../ui/Forbidden';
import { useAuth } from './useAuth';

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <Forbidden />;
}
