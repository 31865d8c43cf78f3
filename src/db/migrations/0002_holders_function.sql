-- Who holds each position on a date: the one definition of the rule (decision 0007).
-- Among the assignments covering the date, an acting official (Plh, then Plt, then Pj) wins over
-- the definitif holder, the latest start first. SECURITY INVOKER: row-level security applies.
CREATE FUNCTION position_holders_on(p_tenant uuid, p_date date, p_positions uuid[])
RETURNS TABLE (position_id uuid, assignment_id uuid, kind text, start_date date, end_date date,
               employee_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (a.position_id)
         a.position_id, a.id, a.kind, a.start_date, a.end_date, a.employee_id
    FROM assignments a
   WHERE a.tenant_id = p_tenant
     AND a.position_id = ANY (p_positions)
     AND a.start_date <= p_date
     AND (a.end_date IS NULL OR a.end_date >= p_date)
   ORDER BY a.position_id,
            CASE a.kind WHEN 'plh' THEN 0 WHEN 'plt' THEN 1 WHEN 'pj' THEN 2 ELSE 3 END,
            a.start_date DESC
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION position_holders_on(uuid, date, uuid[]) TO amanah_app;
