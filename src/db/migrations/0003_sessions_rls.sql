-- Sessions of a tenant's users may be ended by the tenant's own request transactions (an admin
-- disabling a user or resetting a password), in the same transaction as the change.
GRANT SELECT (user_id, tenant_id), DELETE ON sessions TO amanah_app;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON sessions USING (tenant_id = app_tenant_id());
