'use client';
import { useState } from 'react';
import type { Member, Role } from '@/lib/api-types';
import { ROLE_LABELS } from '@/lib/roles';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';

type Props = {
  member: Member;
  roles: Role[];
  saving: boolean;
  error: string | null;
  onSave: (role: Role) => Promise<boolean>;
};

/**
 * A role picker that only applies on "Save": arrow keys on a closed <select> change its value,
 * so changing on every `change` event would let a keyboard user grant roles by accident.
 */
export function RoleEditor({ member, roles, saving, error, onSave }: Props) {
  const [draft, setDraft] = useState<Role>(member.role);
  const dirty = draft !== member.role;
  const errorId = `role-error-${member.userId}`;

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <select
          value={draft}
          disabled={saving}
          onChange={(e) => setDraft(e.target.value as Role)}
          aria-label={`Role of ${member.name}`}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          className={`${controlClass} w-36`}
        >
          {[...new Set([...roles, member.role])].map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </select>
        {dirty && (
          <>
            <Button size="sm" pending={saving} onClick={() => void onSave(draft)} aria-label={`Save role of ${member.name}`}>
              Save
            </Button>
            <Button variant="ghost" size="sm" disabled={saving} onClick={() => setDraft(member.role)}>
              Cancel
            </Button>
          </>
        )}
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
