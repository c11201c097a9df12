-- Later reviews submitted when their author could already read the first one: after the debrief
-- opened, or by someone who sees every review (an administrator, the lead, chair or commissioner).
select r.case_id, r.id
from review r
join app_user u on u.id = r.reviewer_id
left join debrief db on db.audit_id = r.audit_id and db.debrief_date = r.review_date
where r.audit_id = :audit and r.review_date = :date and r.submitted = true and r.first_of_day = false
  and r.withdrawn = false
  and (db.opened_at <= r.submitted_at
       or find_in_set('ADMIN', u.roles) > 0
       or exists (select 1 from audit_member m where m.audit_id = r.audit_id
                  and m.user_id = r.reviewer_id and m.role in ('LEAD', 'CHAIR', 'COMMISSIONER')))
order by r.case_id, r.id
