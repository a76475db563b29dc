-- An alias may name an organization only in events of some countries (UCDP's "IS" is the
-- Islamic State, but in Pakistan and Afghanistan from 2015 its Khorasan province):
-- comma-separated ISO 3166 alpha-3 codes, null for anywhere.
alter table organization_alias add column countries varchar(200);
