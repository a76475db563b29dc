-- What the reference data must not lose (issue #13): whether a dialogue's outcome is a
-- commitment or an achievement reported at the round, the wording its sources gave the
-- threats they named, and which documents cite a security report.

-- Existing rows were all filed as commitments; the reference data reload corrects them
alter table dialogue_commitment add column kind varchar(20) default 'COMMITMENT' not null;

create table dialogue_threat_mention (
    dialogue_id      bigint        not null references dialogue (id),
    position         integer       not null,
    organization_id  bigint        not null references organization (id),
    stated_as        varchar(300)  not null,
    described_as     varchar(500),
    primary key (dialogue_id, position)
);

create table report_citation (
    report_id           bigint not null references security_report (id),
    source_document_id  bigint not null references source_document (id),
    primary key (report_id, source_document_id)
);
