/**
 * The attempts named in $1, each fetched by its primary key and locked, in execute_id order (so two
 * statements never deadlock on each other). A lateral lookup per key: with `= ANY($1)` a generic
 * plan may scan the whole table (seen at 6,000 attempts: a seq scan per batch, growing with history)
 * or every RUNNING attempt through a partial index (state conditions pushed down into it).
 */
export const LOCK_ATTEMPTS = `(SELECT k.id FROM unnest($1::text[]) AS k(id) ORDER BY 1) keys
           CROSS JOIN LATERAL (SELECT execute_id, lease_token, execution_state, module_name FROM robot_execute
                                WHERE execute_id = keys.id OFFSET 0 FOR UPDATE) e`;
