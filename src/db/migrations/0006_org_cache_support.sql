-- 1. Every change to a tenant's organisation bumps tenants.org_version in the same transaction,
--    so a cached read of the organisation (the unit page) knows when it is stale.
CREATE FUNCTION bump_org_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE tenants SET org_version = org_version + 1 WHERE id = OLD.tenant_id;
  ELSE
    UPDATE tenants SET org_version = org_version + 1 WHERE id = NEW.tenant_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_bump_org_version AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION bump_org_version();
--> statement-breakpoint
CREATE TRIGGER positions_bump_org_version AFTER INSERT OR UPDATE OR DELETE ON positions
  FOR EACH ROW EXECUTE FUNCTION bump_org_version();
--> statement-breakpoint
CREATE TRIGGER employees_bump_org_version AFTER INSERT OR UPDATE OR DELETE ON employees
  FOR EACH ROW EXECUTE FUNCTION bump_org_version();
--> statement-breakpoint
CREATE TRIGGER assignments_bump_org_version AFTER INSERT OR UPDATE OR DELETE ON assignments
  FOR EACH ROW EXECUTE FUNCTION bump_org_version();
--> statement-breakpoint

-- 2. The session look-up of every request, as a PL/pgSQL function so its plan is kept per
--    connection instead of being made again on each request (bench/unit-get.ts). Run as owner.
CREATE FUNCTION session_lookup(p_id text)
RETURNS TABLE (id text, csrf_token text, mfa_state text, last_seen_at timestamptz,
               expires_at timestamptz, user_id uuid, tenant_id uuid, time_zone text,
               org_version bigint, username text, display_name text, is_platform_admin boolean,
               must_change_password boolean, grants json)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.id, s.csrf_token, s.mfa_state, s.last_seen_at, s.expires_at,
         u.id, u.tenant_id, t.time_zone, t.org_version, u.username, u.display_name,
         u.is_platform_admin, u.must_change_password,
         coalesce((SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id))
                     FROM role_grants g
                    WHERE g.user_id = u.id AND g.tenant_id = u.tenant_id), '[]'::json)
    FROM sessions s
    JOIN users u ON u.id = s.user_id AND u.status = 'active'
    LEFT JOIN tenants t ON t.id = u.tenant_id
   WHERE s.id = p_id AND (u.tenant_id IS NULL OR t.archived_at IS NULL);
END $$;
