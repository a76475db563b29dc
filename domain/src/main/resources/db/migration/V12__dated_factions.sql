-- A faction may belong to its movement only for a period: Jamaat-ul-Ahrar split from the
-- TTP in 2014 and rejoined it on 2020-08-17, so its incidents in between are its own, not
-- the TTP's. Inclusive days; null for open-ended (and for both when the link always held).
alter table organization add column parent_valid_from date;
alter table organization add column parent_valid_to date;
