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
