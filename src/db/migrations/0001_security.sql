-- Hand-written: what the schema DSL cannot say. Never edit after it lands; add a new file.

-- 1. The role every request runs as (SET LOCAL ROLE). It owns nothing, so row-level security
--    applies to it. Roles are cluster-wide, hence the guard.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'amanah_app') THEN
    CREATE ROLE amanah_app NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT amanah_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO amanah_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON tenants TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON units, positions, employees, assignments, role_grants, api_tokens TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON users TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_heads TO amanah_app;
--> statement-breakpoint

-- 2. Row-level security: the tenant comes from app.tenant_id, set per transaction.
CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_tenant_id() TO amanah_app;
--> statement-breakpoint
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants USING (id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON units USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE positions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON positions USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE employees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON employees USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON assignments USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON role_grants USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_tokens USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON users USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_events USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
--> statement-breakpoint
ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_heads USING (chain_key = app_tenant_id()) WITH CHECK (chain_key = app_tenant_id());
--> statement-breakpoint

-- 3. The audit log is append-only, for everyone including the owner.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'AM002';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint

-- 4. The unit tree: path = ids from the root to the unit; a move that would make a cycle fails.
CREATE FUNCTION units_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path uuid[];
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := ARRAY[NEW.id];
  ELSE
    SELECT path INTO parent_path FROM units WHERE tenant_id = NEW.tenant_id AND id = NEW.parent_id;
    IF parent_path IS NULL THEN
      RAISE EXCEPTION 'parent unit % not found', NEW.parent_id USING ERRCODE = 'AM003';
    END IF;
    IF NEW.id = ANY(parent_path) THEN
      RAISE EXCEPTION 'unit % cannot be placed under its own descendant', NEW.id USING ERRCODE = 'AM001';
    END IF;
    NEW.path := parent_path || NEW.id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_set_path BEFORE INSERT OR UPDATE OF parent_id ON units
  FOR EACH ROW EXECUTE FUNCTION units_set_path();
--> statement-breakpoint
CREATE FUNCTION units_cascade_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE units
     SET path = NEW.path || path[array_position(path, NEW.id) + 1:]
   WHERE tenant_id = NEW.tenant_id AND NEW.id = ANY(path) AND id <> NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_cascade_path AFTER UPDATE OF parent_id ON units
  FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
  EXECUTE FUNCTION units_cascade_path();
--> statement-breakpoint

-- 5. No two definitif holders of one position at the same time.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE assignments ADD CONSTRAINT assignments_no_overlapping_definitif
  EXCLUDE USING gist (
    tenant_id WITH =,
    position_id WITH =,
    daterange(start_date, end_date, '[]') WITH &&
  ) WHERE (kind = 'definitif');
