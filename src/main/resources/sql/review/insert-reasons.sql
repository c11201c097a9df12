-- A new review's reasons, every row in one statement; {rows} is one "(?, ?)" per code.
INSERT INTO review_reason (review_id, code) VALUES {rows}
