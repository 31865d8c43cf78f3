-- Hand-written: grants, row-level security and the rules of certificates, documents,
-- signatures, Pakta Integritas and ceremonies. Never edit after it lands; add a new file.

-- 1. Grants. Issued files and clause versions are append-only for the request role; nothing
--    about a signature can be deleted by it.
GRANT SELECT, INSERT, UPDATE ON tenant_cas, signing_certificates, documents, document_signers,
  sign_attempts, integrity_pacts TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON document_files, integrity_clause_versions TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ceremonies, ceremony_items TO amanah_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_cas', 'signing_certificates', 'documents', 'document_files',
    'document_signers', 'sign_attempts', 'integrity_clause_versions', 'integrity_pacts',
    'ceremonies', 'ceremony_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) '
      'WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- 2. An issued PDF never changes and never disappears (AM020): verification depends on it.
CREATE FUNCTION document_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued document files are immutable' USING ERRCODE = 'AM020';
END $$;
--> statement-breakpoint
CREATE TRIGGER document_files_guard BEFORE UPDATE OR DELETE ON document_files
  FOR EACH ROW EXECUTE FUNCTION document_files_guard();
--> statement-breakpoint

-- 3. A signature slot: signed only inside the signing transaction (AM022), then frozen (AM021);
--    slots are never deleted. Identity columns never change after the document is made.
CREATE FUNCTION document_signers_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'signature slots are never deleted' USING ERRCODE = 'AM021';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'pending' THEN
      RAISE EXCEPTION 'a signature slot starts pending' USING ERRCODE = 'AM022';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'signature % is final', OLD.id USING ERRCODE = 'AM021';
  END IF;
  IF (to_jsonb(NEW) - ARRAY['status', 'signed_at', 'signed_by', 'certificate_id', 'provider', 'file_seq'])
     IS DISTINCT FROM
     (to_jsonb(OLD) - ARRAY['status', 'signed_at', 'signed_by', 'certificate_id', 'provider', 'file_seq']) THEN
    RAISE EXCEPTION 'the identity of signature slot % is fixed', OLD.id USING ERRCODE = 'AM021';
  END IF;
  IF NEW.status = 'signed' AND coalesce(current_setting('app.signing', true), '') <> 'on' THEN
    RAISE EXCEPTION 'only the signing feature signs' USING ERRCODE = 'AM022';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER document_signers_guard BEFORE INSERT OR UPDATE OR DELETE ON document_signers
  FOR EACH ROW EXECUTE FUNCTION document_signers_guard();
--> statement-breakpoint

-- 4. A document: what was rendered never changes; pending → signed (inside signing) or
--    pending → void (nothing signed yet); a signed or void document is final (AM023). Never
--    deleted.
CREATE FUNCTION documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'documents are never deleted' USING ERRCODE = 'AM023';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'pending' OR NEW.signed_count <> 0 OR NEW.current_sha256 <> NEW.original_sha256 THEN
      RAISE EXCEPTION 'a document starts pending and unsigned' USING ERRCODE = 'AM023';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'document % is % and final', OLD.id, OLD.status USING ERRCODE = 'AM023';
  END IF;
  IF (to_jsonb(NEW) - ARRAY['status', 'signed_count', 'current_sha256', 'completed_at', 'voided_at', 'void_reason'])
     IS DISTINCT FROM
     (to_jsonb(OLD) - ARRAY['status', 'signed_count', 'current_sha256', 'completed_at', 'voided_at', 'void_reason']) THEN
    RAISE EXCEPTION 'the rendered content of document % is fixed', OLD.id USING ERRCODE = 'AM023';
  END IF;
  IF (NEW.signed_count <> OLD.signed_count OR NEW.current_sha256 <> OLD.current_sha256 OR NEW.status = 'signed')
     AND coalesce(current_setting('app.signing', true), '') <> 'on' THEN
    RAISE EXCEPTION 'only the signing feature signs' USING ERRCODE = 'AM022';
  END IF;
  IF NEW.signed_count < OLD.signed_count THEN
    RAISE EXCEPTION 'a signature cannot be taken back' USING ERRCODE = 'AM023';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER documents_guard BEFORE INSERT OR UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_guard();
--> statement-breakpoint

-- 5. A PK that one party has signed cannot be returned for editing (AM025): the signature would
--    point at content that no longer exists. Its unsigned document is voided by the app first.
CREATE FUNCTION agreements_signature_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM documents d WHERE d.tenant_id = OLD.tenant_id
             AND d.agreement_id = OLD.id AND d.status = 'pending' AND d.signed_count > 0) THEN
    RAISE EXCEPTION 'agreement % is partly signed', OLD.id USING ERRCODE = 'AM025';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agreements_signature_guard BEFORE UPDATE OF status ON agreements
  FOR EACH ROW WHEN (OLD.status = 'ready_to_sign' AND NEW.status = 'returned')
  EXECUTE FUNCTION agreements_signature_guard();
--> statement-breakpoint

-- 6. Certificates: the key and certificate never change; a revoked or replaced certificate
--    never comes back (AM026). Only status/revocation/lockout columns move.
CREATE FUNCTION signing_certificates_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - ARRAY['status', 'revoked_at', 'revocation_reason', 'revoked_by', 'failed_attempts', 'locked_until'])
     IS DISTINCT FROM
     (to_jsonb(OLD) - ARRAY['status', 'revoked_at', 'revocation_reason', 'revoked_by', 'failed_attempts', 'locked_until']) THEN
    RAISE EXCEPTION 'certificate % is fixed', OLD.id USING ERRCODE = 'AM026';
  END IF;
  IF OLD.status <> 'active' AND (NEW.status, NEW.revoked_at, NEW.revocation_reason)
     IS DISTINCT FROM (OLD.status, OLD.revoked_at, OLD.revocation_reason) THEN
    RAISE EXCEPTION 'certificate % is % for good', OLD.id, OLD.status USING ERRCODE = 'AM026';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER signing_certificates_guard BEFORE UPDATE ON signing_certificates
  FOR EACH ROW EXECUTE FUNCTION signing_certificates_guard();
--> statement-breakpoint

-- 7. Pakta Integritas: made pending; signed only inside signing (AM022); signed or void is
--    final, and what was agreed (clauses, parties, date) never changes (AM027).
CREATE FUNCTION integrity_pacts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'pending' THEN
      RAISE EXCEPTION 'a pact starts pending' USING ERRCODE = 'AM027';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'pact % is % and final', OLD.id, OLD.status USING ERRCODE = 'AM027';
  END IF;
  IF (to_jsonb(NEW) - ARRAY['status', 'signed_at']) IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'signed_at'])
     AND EXISTS (SELECT 1 FROM documents d WHERE d.tenant_id = OLD.tenant_id AND d.pact_id = OLD.id
                 AND d.status <> 'void') THEN
    RAISE EXCEPTION 'pact % has its document and is fixed', OLD.id USING ERRCODE = 'AM027';
  END IF;
  IF NEW.status = 'signed' AND coalesce(current_setting('app.signing', true), '') <> 'on' THEN
    RAISE EXCEPTION 'only the signing feature signs' USING ERRCODE = 'AM022';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER integrity_pacts_guard BEFORE INSERT OR UPDATE ON integrity_pacts
  FOR EACH ROW EXECUTE FUNCTION integrity_pacts_guard();
