-- The unit page (GET /api/units/:id) in one statement whose plan PL/pgSQL caches per connection:
-- re-planning the statement on every request cost more than running it (bench/unit-get.ts).
-- SECURITY INVOKER (the default): row-level security applies to every table it reads.
CREATE FUNCTION unit_detail(p_tenant uuid, p_unit uuid, p_date date) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
  result json;
BEGIN
  WITH u AS (
    SELECT id, parent_id, path, name, short_name, type, level, code, sort_order, archived_at, version
      FROM units WHERE tenant_id = p_tenant AND id = p_unit
  ), kids AS (
    SELECT id, parent_id, path, name, short_name, type, level, code, sort_order, archived_at, version
      FROM units WHERE tenant_id = p_tenant AND parent_id = p_unit AND archived_at IS NULL
  ), pos AS (
    SELECT id, unit_id, title, kind, heads_unit, superior_position_id, archived_at, version
      FROM positions
     WHERE tenant_id = p_tenant AND unit_id = p_unit
    UNION ALL
    SELECT p.id, p.unit_id, p.title, p.kind, p.heads_unit, p.superior_position_id, p.archived_at,
           p.version
      FROM kids k
      JOIN positions p ON p.tenant_id = p_tenant AND p.unit_id = k.id
     WHERE p.heads_unit AND p.archived_at IS NULL
  ), holders AS (
    SELECT p.id AS position_id, h.assignment_id, h.kind, h.start_date::text AS start_date,
           h.end_date::text AS end_date, e.id AS employee_id, e.nip, e.front_title, e.name,
           e.back_title, e.grade
      FROM pos p
      CROSS JOIN LATERAL position_holder_on(p_tenant, p.id, p_date) h
      JOIN employees e ON e.tenant_id = p_tenant AND e.id = h.employee_id
  )
  SELECT json_build_object(
    'unit', (SELECT row_to_json(u) FROM u),
    'ancestors', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name)
                                           ORDER BY array_position(u.path, a.id)), '[]'::json)
                    FROM u JOIN units a ON a.tenant_id = p_tenant
                   WHERE a.id IN (SELECT unnest(u.path) FROM u) AND a.id <> p_unit),
    'children', (SELECT coalesce(json_agg(k ORDER BY k.sort_order, k.code, k.name), '[]'::json)
                   FROM kids k),
    'positions', (SELECT coalesce(json_agg(p ORDER BY p.archived_at NULLS FIRST, p.heads_unit DESC,
                                           p.title), '[]'::json)
                    FROM pos p),
    'holders', (SELECT coalesce(json_agg(h), '[]'::json) FROM holders h)
  ) INTO result;
  RETURN result;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION unit_detail(uuid, uuid, date) TO amanah_app;
