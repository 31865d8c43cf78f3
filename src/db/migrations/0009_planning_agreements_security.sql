-- Hand-written: grants, row-level security and the rules of plans and PKs the schema DSL cannot
-- say. Never edit after it lands; add a new file.

-- 1. Grants and row-level security for every new tenant table. The transition history is
--    append-only for the request role.
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_periods, plan_nodes, rating_scales,
  rating_scale_levels, indicators, indicator_targets, budget_lines, agreement_years, agreements,
  agreement_objectives, agreement_indicators, agreement_targets, agreement_budgets TO amanah_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON agreement_transitions TO amanah_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['plan_periods', 'plan_nodes', 'rating_scales', 'rating_scale_levels',
    'indicators', 'indicator_targets', 'budget_lines', 'agreement_years', 'agreements',
    'agreement_objectives', 'agreement_indicators', 'agreement_targets', 'agreement_budgets',
    'agreement_transitions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) '
      'WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- 2. The shape of a plan tree. RPJMD (unit null): misi → tujuan → sasaran. Renstra (unit set):
--    tujuan → sasaran → program → kegiatan → sub kegiatan. A child sits in its parent's period
--    and unit, and a code extends its parent's code. A Renstra tujuan/sasaran supports an RPJMD
--    node of the same kind and period.
CREATE FUNCTION plan_nodes_check_shape() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent plan_nodes%ROWTYPE;
  supported plan_nodes%ROWTYPE;
  expected text;
BEGIN
  expected := CASE NEW.kind
    WHEN 'misi' THEN NULL
    WHEN 'tujuan' THEN CASE WHEN NEW.unit_id IS NULL THEN 'misi' ELSE NULL END
    WHEN 'sasaran' THEN 'tujuan'
    WHEN 'program' THEN 'sasaran'
    WHEN 'kegiatan' THEN 'program'
    WHEN 'sub_kegiatan' THEN 'kegiatan'
  END;
  IF NEW.parent_id IS NULL THEN
    IF expected IS NOT NULL AND NOT (NEW.kind = 'tujuan') THEN
      RAISE EXCEPTION '% needs a parent %', NEW.kind, expected USING ERRCODE = 'AM014';
    END IF;
  ELSE
    SELECT * INTO parent FROM plan_nodes WHERE tenant_id = NEW.tenant_id AND id = NEW.parent_id;
    IF parent.id IS NULL THEN
      RAISE EXCEPTION 'parent node % not found', NEW.parent_id USING ERRCODE = 'AM003';
    END IF;
    IF expected IS NULL OR parent.kind <> expected THEN
      RAISE EXCEPTION '% cannot sit under %', NEW.kind, parent.kind USING ERRCODE = 'AM014';
    END IF;
    IF parent.period_id <> NEW.period_id OR parent.unit_id IS DISTINCT FROM NEW.unit_id THEN
      RAISE EXCEPTION 'a node sits in its parent''s period and unit' USING ERRCODE = 'AM014';
    END IF;
    IF NEW.kind IN ('kegiatan', 'sub_kegiatan') AND left(NEW.code, length(parent.code) + 1) <> parent.code || '.' THEN
      RAISE EXCEPTION 'code % does not extend %', NEW.code, parent.code USING ERRCODE = 'AM014';
    END IF;
  END IF;
  IF NEW.supports_node_id IS NOT NULL THEN
    SELECT * INTO supported FROM plan_nodes
     WHERE tenant_id = NEW.tenant_id AND id = NEW.supports_node_id;
    IF supported.id IS NULL THEN
      RAISE EXCEPTION 'supported node % not found', NEW.supports_node_id USING ERRCODE = 'AM003';
    END IF;
    IF NEW.unit_id IS NULL OR supported.unit_id IS NOT NULL OR supported.kind <> NEW.kind
       OR supported.period_id <> NEW.period_id OR NEW.kind NOT IN ('tujuan', 'sasaran') THEN
      RAISE EXCEPTION 'a Renstra % supports an RPJMD % of the same period', NEW.kind, NEW.kind
        USING ERRCODE = 'AM014';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_nodes_check_shape BEFORE INSERT OR UPDATE ON plan_nodes
  FOR EACH ROW EXECUTE FUNCTION plan_nodes_check_shape();
--> statement-breakpoint

-- 3. PK status rules. Allowed transitions only; "signed" only inside the signing feature's
--    transaction (it sets app.signing = 'on' locally); a signed version is frozen except for
--    publishing and superseding; only drafts may be deleted.
CREATE FUNCTION agreements_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status NOT IN ('draft', 'returned') THEN
      RAISE EXCEPTION 'agreement % is % and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'AM010';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a new agreement starts as draft' USING ERRCODE = 'AM012';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status IN ('signed', 'published', 'superseded') AND
     (to_jsonb(NEW) - ARRAY['status', 'version', 'updated_at', 'published_at', 'superseded_at'])
       IS DISTINCT FROM
     (to_jsonb(OLD) - ARRAY['status', 'version', 'updated_at', 'published_at', 'superseded_at']) THEN
    RAISE EXCEPTION 'agreement % is signed and frozen', OLD.id USING ERRCODE = 'AM011';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    allowed := (OLD.status, NEW.status) IN (
      ('draft', 'submitted'), ('submitted', 'draft'), ('submitted', 'returned'),
      ('submitted', 'verified'), ('returned', 'submitted'), ('verified', 'returned'),
      ('verified', 'ready_to_sign'), ('ready_to_sign', 'returned'), ('ready_to_sign', 'signed'),
      ('signed', 'published'), ('signed', 'superseded'), ('published', 'superseded'));
    IF NOT allowed THEN
      RAISE EXCEPTION 'agreement % cannot go from % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'AM012';
    END IF;
    IF NEW.status = 'signed' AND coalesce(current_setting('app.signing', true), '') <> 'on' THEN
      RAISE EXCEPTION 'only the signing feature marks an agreement signed' USING ERRCODE = 'AM013';
    END IF;
  ELSIF OLD.status NOT IN ('draft', 'returned') AND OLD.status NOT IN ('signed', 'published', 'superseded')
     AND (to_jsonb(NEW) - ARRAY['version', 'updated_at', 'parent_agreement_id'])
       IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['version', 'updated_at', 'parent_agreement_id']) THEN
    RAISE EXCEPTION 'agreement % is % and not editable', OLD.id, OLD.status USING ERRCODE = 'AM010';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agreements_guard BEFORE INSERT OR UPDATE OR DELETE ON agreements
  FOR EACH ROW EXECUTE FUNCTION agreements_guard();
--> statement-breakpoint

-- 4. A PK's content (sasaran, indicators, targets, budget rows) changes only while the PK is a
--    draft or returned. A cascade from deleting the PK itself finds no parent row and passes.
CREATE FUNCTION agreement_content_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_status text;
  row_tenant uuid;
  row_agreement uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_tenant := OLD.tenant_id; row_agreement := OLD.agreement_id;
  ELSE
    row_tenant := NEW.tenant_id; row_agreement := NEW.agreement_id;
  END IF;
  SELECT status INTO parent_status FROM agreements WHERE tenant_id = row_tenant AND id = row_agreement;
  IF parent_status IS NOT NULL AND parent_status NOT IN ('draft', 'returned') THEN
    IF parent_status IN ('signed', 'published', 'superseded') THEN
      RAISE EXCEPTION 'agreement % is signed and frozen', row_agreement USING ERRCODE = 'AM011';
    END IF;
    RAISE EXCEPTION 'agreement % is % and not editable', row_agreement, parent_status USING ERRCODE = 'AM010';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agreement_objectives_guard BEFORE INSERT OR UPDATE OR DELETE ON agreement_objectives
  FOR EACH ROW EXECUTE FUNCTION agreement_content_guard();
--> statement-breakpoint
CREATE TRIGGER agreement_indicators_guard BEFORE INSERT OR UPDATE OR DELETE ON agreement_indicators
  FOR EACH ROW EXECUTE FUNCTION agreement_content_guard();
--> statement-breakpoint
CREATE TRIGGER agreement_targets_guard BEFORE INSERT OR UPDATE OR DELETE ON agreement_targets
  FOR EACH ROW EXECUTE FUNCTION agreement_content_guard();
--> statement-breakpoint
CREATE TRIGGER agreement_budgets_guard BEFORE INSERT OR UPDATE OR DELETE ON agreement_budgets
  FOR EACH ROW EXECUTE FUNCTION agreement_content_guard();
