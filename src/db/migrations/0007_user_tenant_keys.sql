-- Rows that point at a user carry the user's tenant and must agree with it: composite keys make a
-- role grant, API token or session that names one tenant but points at another tenant's user
-- impossible, even through the owner connection (decision 0003). MATCH SIMPLE lets the null
-- tenant of platform admins (their sessions) through.
ALTER TABLE users ADD CONSTRAINT users_tenant_id_id_key UNIQUE (tenant_id, id);
--> statement-breakpoint
ALTER TABLE role_grants ADD CONSTRAINT role_grants_user_tenant_fk
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_user_tenant_fk
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sessions ADD CONSTRAINT sessions_user_tenant_fk
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE;
--> statement-breakpoint
-- The session look-up takes only grants of the user's own tenant.
CREATE OR REPLACE FUNCTION session_lookup(p_id text)
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
