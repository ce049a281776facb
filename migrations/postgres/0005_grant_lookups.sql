-- An index of grants by role alone served one question, "is there a system administrator
-- yet?". With a city's guardians in the table it also tempted the planner, finding a family's
-- guardians for a push, to intersect it with the scope index: a walk over every guardian's
-- grant. The question keeps a partial index; lookups by scope use (scope_id, role).
DROP INDEX role_grants_role;
CREATE INDEX role_grants_system_admin ON role_grants (role) WHERE role = 'SYSTEM_ADMIN';
