-- Who holds a position on a date: the one definition of the rule (decision 0007).
-- Among the assignments covering the date, an acting official (Plh, then Plt, then Pj) wins over
-- the definitif holder, the latest start first. SECURITY INVOKER: row-level security applies.
-- A plain SQL function, so the planner inlines it (use it through LATERAL for many positions).
CREATE FUNCTION position_holder_on(p_tenant uuid, p_position uuid, p_date date)
RETURNS TABLE (assignment_id uuid, kind text, start_date date, end_date date, employee_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT a.id, a.kind, a.start_date, a.end_date, a.employee_id
    FROM assignments a
   WHERE a.tenant_id = p_tenant
     AND a.position_id = p_position
     AND a.start_date <= p_date
     AND (a.end_date IS NULL OR a.end_date >= p_date)
   ORDER BY CASE a.kind WHEN 'plh' THEN 0 WHEN 'plt' THEN 1 WHEN 'pj' THEN 2 ELSE 3 END,
            a.start_date DESC
   LIMIT 1
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION position_holder_on(uuid, uuid, date) TO amanah_app;
