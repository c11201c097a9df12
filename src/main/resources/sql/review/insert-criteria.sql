-- A new review's criteria met, every row in one statement; {rows} is one "(?, ?)" per code.
INSERT INTO review_criterion (review_id, code) VALUES {rows}
