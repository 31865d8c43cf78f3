-- Hand-written: grants, row-level security and the rules of quarterly monitoring and
-- notifications. Never edit after it lands; add a new file.

-- 1. Grants. Transitions are append-only; nothing of a report's history can be deleted by the
--    request role. Removing evidence is a soft delete (deleted_at).
GRANT SELECT, INSERT, UPDATE ON quarter_reports, realisasi, budget_realisasi, evidence_files,
  quarter_unlocks, mail_outbox TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON quarter_report_transitions TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON supervisory_notes TO amanah_app;
--> statement-breakpoint
-- A cleared budget amount removes the quarter's row ("not entered" is not Rp 0); the guard
-- below refuses it unless the report is editable.
GRANT DELETE ON budget_realisasi TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notifications TO amanah_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['quarter_reports', 'quarter_report_transitions', 'realisasi',
    'budget_realisasi', 'evidence_files', 'quarter_unlocks', 'supervisory_notes',
    'notifications', 'mail_outbox']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) '
      'WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- 2. A quarter report: only the workflow's transitions (AM030), for a signed current PK when
--    made (AM031); never deleted.
CREATE FUNCTION quarter_reports_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pk_status text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'quarter reports are never deleted' USING ERRCODE = 'AM030';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a quarter report starts as draft' USING ERRCODE = 'AM030';
    END IF;
    SELECT status INTO pk_status FROM agreements
      WHERE tenant_id = NEW.tenant_id AND id = NEW.agreement_id;
    IF pk_status IS DISTINCT FROM 'signed' AND pk_status IS DISTINCT FROM 'published' THEN
      RAISE EXCEPTION 'realisasi needs a signed current PK (this one is %)', pk_status
        USING ERRCODE = 'AM031';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.agreement_id <> OLD.agreement_id OR NEW.year <> OLD.year OR NEW.quarter <> OLD.quarter
     OR NEW.unit_id IS DISTINCT FROM OLD.unit_id THEN
    RAISE EXCEPTION 'the identity of quarter report % is fixed', OLD.id USING ERRCODE = 'AM030';
  END IF;
  IF NEW.status <> OLD.status AND NOT (
       (OLD.status IN ('draft', 'returned') AND NEW.status = 'submitted')
    OR (OLD.status = 'submitted' AND NEW.status IN ('draft', 'approved', 'returned'))
    OR (OLD.status = 'approved' AND NEW.status IN ('verified', 'returned'))
    OR (OLD.status = 'verified' AND NEW.status = 'returned')
  ) THEN
    RAISE EXCEPTION 'quarter report % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'AM030';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER quarter_reports_guard BEFORE INSERT OR UPDATE OR DELETE ON quarter_reports
  FOR EACH ROW EXECUTE FUNCTION quarter_reports_guard();
--> statement-breakpoint

-- 3. Values, budget rows and evidence change only while their report is draft or returned
--    (AM032), and only for a signed current PK (AM031). The capaian columns of realisasi may be
--    recomputed at any time (the tenant's cap or bands changed): an update that touches nothing
--    else passes.
CREATE FUNCTION monitoring_values_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  report_status text;
  pk_status text;
  row_report uuid;
  row_tenant uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_report := OLD.report_id;
    row_tenant := OLD.tenant_id;
  ELSE
    row_report := NEW.report_id;
    row_tenant := NEW.tenant_id;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.report_id IS DISTINCT FROM OLD.report_id THEN
    RAISE EXCEPTION 'the report of a row is fixed' USING ERRCODE = 'AM032';
  END IF;
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME <> 'evidence_files' THEN
    IF NOT EXISTS (SELECT 1 FROM quarter_reports r
                    WHERE r.tenant_id = NEW.tenant_id AND r.id = NEW.report_id
                      AND r.agreement_id = NEW.agreement_id AND r.year = NEW.year
                      AND r.quarter = NEW.quarter) THEN
      RAISE EXCEPTION 'a value row belongs to its report''s PK, year and quarter'
        USING ERRCODE = 'AM032';
    END IF;
  END IF;
  IF TG_TABLE_NAME = 'realisasi' AND TG_OP = 'UPDATE' AND
     (to_jsonb(NEW) - ARRAY['capaian_quarter', 'capaian_to_date', 'capaian_annual', 'band'])
     IS NOT DISTINCT FROM
     (to_jsonb(OLD) - ARRAY['capaian_quarter', 'capaian_to_date', 'capaian_annual', 'band']) THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'evidence_files' AND TG_OP = 'UPDATE' AND
     (to_jsonb(NEW) - ARRAY['deleted_at', 'deleted_by'])
     IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['deleted_at', 'deleted_by']) THEN
    RAISE EXCEPTION 'an evidence file never changes; upload a new one' USING ERRCODE = 'AM032';
  END IF;
  SELECT r.status, a.status INTO report_status, pk_status
    FROM quarter_reports r JOIN agreements a ON a.tenant_id = r.tenant_id AND a.id = r.agreement_id
    WHERE r.tenant_id = row_tenant AND r.id = row_report;
  IF pk_status IS DISTINCT FROM 'signed' AND pk_status IS DISTINCT FROM 'published' THEN
    RAISE EXCEPTION 'realisasi needs a signed current PK (this one is %)', pk_status
      USING ERRCODE = 'AM031';
  END IF;
  IF report_status NOT IN ('draft', 'returned') THEN
    RAISE EXCEPTION 'quarter report % is % and not editable', row_report, report_status
      USING ERRCODE = 'AM032';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER realisasi_guard BEFORE INSERT OR UPDATE OR DELETE ON realisasi
  FOR EACH ROW EXECUTE FUNCTION monitoring_values_guard();
--> statement-breakpoint
CREATE TRIGGER budget_realisasi_guard BEFORE INSERT OR UPDATE OR DELETE ON budget_realisasi
  FOR EACH ROW EXECUTE FUNCTION monitoring_values_guard();
--> statement-breakpoint
CREATE TRIGGER evidence_files_guard BEFORE INSERT OR UPDATE OR DELETE ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION monitoring_values_guard();
--> statement-breakpoint

-- 4. An unlock decision is final (AM033): pending → granted | refused, once.
CREATE FUNCTION quarter_unlocks_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'unlock requests are never deleted' USING ERRCODE = 'AM033';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'pending' THEN
      RAISE EXCEPTION 'an unlock request starts pending' USING ERRCODE = 'AM033';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'unlock request % is already %', OLD.id, OLD.status USING ERRCODE = 'AM033';
  END IF;
  IF NEW.reason <> OLD.reason OR NEW.report_id <> OLD.report_id
     OR NEW.requested_by IS DISTINCT FROM OLD.requested_by THEN
    RAISE EXCEPTION 'an unlock request is fixed once made' USING ERRCODE = 'AM033';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER quarter_unlocks_guard BEFORE INSERT OR UPDATE OR DELETE ON quarter_unlocks
  FOR EACH ROW EXECUTE FUNCTION quarter_unlocks_guard();
--> statement-breakpoint

-- 5. The national aggregate (band distribution per province for a year) reads the year-end
--    results of every Pemda: an index by period that also carries the band.
CREATE INDEX realisasi_period_band_idx ON realisasi (year, quarter, tenant_id, band);
--> statement-breakpoint
-- ... and both of its statements start from the current head-of-PD PKs of a year.
CREATE INDEX agreements_current_level_year_idx ON agreements (level, start_year, end_year)
  WHERE status IN ('signed', 'published');
