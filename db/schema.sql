CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE "plan" (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	number VARCHAR(50) NOT NULL, 
	issue_date DATE, 
	title TEXT NOT NULL, 
	intro TEXT NOT NULL, 
	legal_bases TEXT NOT NULL, 
	recipients TEXT NOT NULL, 
	signer_authority VARCHAR(100) NOT NULL, 
	signer_title VARCHAR(100) NOT NULL, 
	signer_name VARCHAR(200) NOT NULL, 
	copied_from_id INTEGER, parts_json TEXT, 
	CONSTRAINT pk_plan PRIMARY KEY (id), 
	CONSTRAINT fk_plan_copied_from_id_plan FOREIGN KEY(copied_from_id) REFERENCES "plan" (id) ON DELETE SET NULL
);

CREATE TABLE plan_area (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	CONSTRAINT pk_plan_area PRIMARY KEY (id), 
	CONSTRAINT fk_plan_area_plan_id_plan FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE TABLE plan_section (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	body TEXT NOT NULL, 
	CONSTRAINT pk_plan_section PRIMARY KEY (id), 
	CONSTRAINT fk_plan_section_plan_id_plan FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);

CREATE TABLE evidence_file (
	id INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	stored_as VARCHAR(200) NOT NULL, 
	added_at DATETIME NOT NULL, 
	CONSTRAINT pk_evidence_file PRIMARY KEY (id), 
	CONSTRAINT uq_evidence_file_sha256 UNIQUE (sha256)
);

CREATE TABLE task_occurrence (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	due DATE, 
	status VARCHAR(20) NOT NULL, 
	completed_on DATE, 
	reason TEXT NOT NULL, 
	CONSTRAINT pk_task_occurrence PRIMARY KEY (id), 
	CONSTRAINT fk_task_occurrence_task_id_plan_task FOREIGN KEY(task_id) REFERENCES plan_task (id) ON DELETE CASCADE
);

CREATE TABLE evidence_link (
	id INTEGER NOT NULL, 
	file_id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	occurrence_id INTEGER, 
	original_name VARCHAR(260) NOT NULL, 
	note TEXT NOT NULL, 
	attached_at DATETIME NOT NULL, 
	CONSTRAINT pk_evidence_link PRIMARY KEY (id), 
	CONSTRAINT fk_evidence_link_file_id_evidence_file FOREIGN KEY(file_id) REFERENCES evidence_file (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_evidence_link_occurrence_id_task_occurrence FOREIGN KEY(occurrence_id) REFERENCES task_occurrence (id) ON DELETE CASCADE, 
	CONSTRAINT fk_evidence_link_task_id_plan_task FOREIGN KEY(task_id) REFERENCES plan_task (id) ON DELETE CASCADE
);

CREATE TABLE task_history (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	occurrence_id INTEGER, 
	at DATETIME NOT NULL, 
	what TEXT NOT NULL, 
	CONSTRAINT pk_task_history PRIMARY KEY (id), 
	CONSTRAINT fk_task_history_occurrence_id_task_occurrence FOREIGN KEY(occurrence_id) REFERENCES task_occurrence (id) ON DELETE SET NULL, 
	CONSTRAINT fk_task_history_task_id_plan_task FOREIGN KEY(task_id) REFERENCES plan_task (id) ON DELETE CASCADE
);

CREATE TABLE criteria_set (
	id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	year INTEGER NOT NULL, 
	issuer VARCHAR(300) NOT NULL, 
	decision VARCHAR(300) NOT NULL, 
	note TEXT NOT NULL, 
	added_at DATETIME NOT NULL, na_rule VARCHAR(20) DEFAULT 'scale' NOT NULL, 
	CONSTRAINT pk_criteria_set PRIMARY KEY (id)
);

CREATE TABLE initiative (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	recognised_by VARCHAR(300) NOT NULL, 
	decision_number VARCHAR(100) NOT NULL, 
	decision_date DATE, 
	note TEXT NOT NULL, 
	CONSTRAINT pk_initiative PRIMARY KEY (id)
);

CREATE TABLE procedure_stat (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	quarter INTEGER NOT NULL, 
	received INTEGER NOT NULL, 
	on_time INTEGER NOT NULL, 
	CONSTRAINT pk_procedure_stat PRIMARY KEY (id), 
	CONSTRAINT uq_procedure_stat_year UNIQUE (year, quarter)
);

CREATE TABLE assessment (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	set_id INTEGER NOT NULL, 
	CONSTRAINT pk_assessment PRIMARY KEY (id), 
	CONSTRAINT fk_assessment_set_id_criteria_set FOREIGN KEY(set_id) REFERENCES criteria_set (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_assessment_year UNIQUE (year, kind)
);

CREATE TABLE criterion (
	id INTEGER NOT NULL, 
	set_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	code VARCHAR(40) NOT NULL, 
	parent_code VARCHAR(40) NOT NULL, 
	level VARCHAR(20) NOT NULL, 
	name TEXT NOT NULL, 
	max_points VARCHAR(30), 
	rule_kind VARCHAR(20) NOT NULL, 
	rule_levels TEXT NOT NULL, 
	evidence TEXT NOT NULL, 
	source VARCHAR(60) NOT NULL, 
	subject VARCHAR(20) NOT NULL, node_kind VARCHAR(20) DEFAULT '' NOT NULL, na_allowed BOOLEAN DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_criterion PRIMARY KEY (id), 
	CONSTRAINT fk_criterion_set_id_criteria_set FOREIGN KEY(set_id) REFERENCES criteria_set (id) ON DELETE CASCADE, 
	CONSTRAINT uq_criterion_set_id UNIQUE (set_id, code)
);

CREATE TABLE discipline (
	id INTEGER NOT NULL, 
	official_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	form VARCHAR(100) NOT NULL, 
	decision_number VARCHAR(100) NOT NULL, 
	decision_date DATE, 
	reason TEXT NOT NULL, 
	CONSTRAINT pk_discipline PRIMARY KEY (id), 
	CONSTRAINT fk_discipline_official_id_official FOREIGN KEY(official_id) REFERENCES official (id) ON DELETE RESTRICT
);

CREATE TABLE initiative_author (
	id INTEGER NOT NULL, 
	initiative_id INTEGER NOT NULL, 
	official_id INTEGER NOT NULL, 
	CONSTRAINT pk_initiative_author PRIMARY KEY (id), 
	CONSTRAINT fk_initiative_author_initiative_id_initiative FOREIGN KEY(initiative_id) REFERENCES initiative (id) ON DELETE CASCADE, 
	CONSTRAINT fk_initiative_author_official_id_official FOREIGN KEY(official_id) REFERENCES official (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_initiative_author_initiative_id UNIQUE (initiative_id, official_id)
);

CREATE TABLE rating_band (
	id INTEGER NOT NULL, 
	set_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	label VARCHAR(100) NOT NULL, 
	min_points VARCHAR(30) NOT NULL, 
	CONSTRAINT pk_rating_band PRIMARY KEY (id), 
	CONSTRAINT fk_rating_band_set_id_criteria_set FOREIGN KEY(set_id) REFERENCES criteria_set (id) ON DELETE CASCADE
);

CREATE TABLE emulation_mark (
	id INTEGER NOT NULL, 
	assessment_id INTEGER NOT NULL, 
	criterion_id INTEGER NOT NULL, 
	subject_kind VARCHAR(20) NOT NULL, 
	subject_id INTEGER NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	reason TEXT NOT NULL, 
	CONSTRAINT pk_emulation_mark PRIMARY KEY (id), 
	CONSTRAINT fk_emulation_mark_assessment_id_assessment FOREIGN KEY(assessment_id) REFERENCES assessment (id) ON DELETE CASCADE, 
	CONSTRAINT fk_emulation_mark_criterion_id_criterion FOREIGN KEY(criterion_id) REFERENCES criterion (id) ON DELETE CASCADE, 
	CONSTRAINT uq_emulation_mark_assessment_id UNIQUE (assessment_id, criterion_id, subject_kind, subject_id)
);

CREATE TABLE score_entry (
	id INTEGER NOT NULL, 
	assessment_id INTEGER NOT NULL, 
	criterion_id INTEGER NOT NULL, 
	points VARCHAR(30), 
	basis VARCHAR(20) NOT NULL, 
	comment TEXT NOT NULL, not_applicable BOOLEAN DEFAULT '0' NOT NULL, declared TEXT DEFAULT '' NOT NULL, appraised_points VARCHAR(30), appraisal_note TEXT DEFAULT '' NOT NULL, 
	CONSTRAINT pk_score_entry PRIMARY KEY (id), 
	CONSTRAINT fk_score_entry_assessment_id_assessment FOREIGN KEY(assessment_id) REFERENCES assessment (id) ON DELETE CASCADE, 
	CONSTRAINT fk_score_entry_criterion_id_criterion FOREIGN KEY(criterion_id) REFERENCES criterion (id) ON DELETE CASCADE, 
	CONSTRAINT uq_score_entry_assessment_id UNIQUE (assessment_id, criterion_id)
);

CREATE TABLE score_evidence (
	id INTEGER NOT NULL, 
	entry_id INTEGER NOT NULL, 
	file_id INTEGER NOT NULL, 
	original_name VARCHAR(260) NOT NULL, 
	attached_at DATETIME NOT NULL, 
	CONSTRAINT pk_score_evidence PRIMARY KEY (id), 
	CONSTRAINT fk_score_evidence_entry_id_score_entry FOREIGN KEY(entry_id) REFERENCES score_entry (id) ON DELETE CASCADE, 
	CONSTRAINT fk_score_evidence_file_id_evidence_file FOREIGN KEY(file_id) REFERENCES evidence_file (id) ON DELETE RESTRICT
);

CREATE TABLE award_kind (
	id INTEGER NOT NULL, 
	"key" VARCHAR(60) NOT NULL, 
	position INTEGER NOT NULL, 
	definition TEXT NOT NULL, 
	active BOOLEAN NOT NULL, 
	CONSTRAINT pk_award_kind PRIMARY KEY (id), 
	CONSTRAINT uq_award_kind_key UNIQUE ("key")
);

CREATE TABLE certificate_layout (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	award_key VARCHAR(60) NOT NULL, 
	definition TEXT NOT NULL, 
	background VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_certificate_layout PRIMARY KEY (id), 
	CONSTRAINT uq_certificate_layout_name UNIQUE (name)
);

CREATE TABLE dossier (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	campaign TEXT NOT NULL, 
	form_version VARCHAR(30) NOT NULL, 
	letter_number VARCHAR(100) NOT NULL, 
	letter_date DATE, 
	addressee VARCHAR(300) NOT NULL, 
	summary TEXT NOT NULL, 
	CONSTRAINT pk_dossier PRIMARY KEY (id)
);

CREATE TABLE registration (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	subject_kind VARCHAR(20) NOT NULL, 
	subject_id INTEGER NOT NULL, 
	award_key VARCHAR(60) NOT NULL, 
	CONSTRAINT pk_registration PRIMARY KEY (id), 
	CONSTRAINT uq_registration_year UNIQUE (year, subject_kind, subject_id, award_key)
);

CREATE TABLE award_decision (
	id INTEGER NOT NULL, 
	dossier_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	number VARCHAR(100) NOT NULL, 
	signed_on DATE, 
	base_salary INTEGER NOT NULL, 
	executors TEXT NOT NULL, 
	recipients TEXT NOT NULL, 
	issued_at DATETIME, 
	CONSTRAINT pk_award_decision PRIMARY KEY (id), 
	CONSTRAINT fk_award_decision_dossier_id_dossier FOREIGN KEY(dossier_id) REFERENCES dossier (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_award_decision_dossier_id UNIQUE (dossier_id)
);

CREATE TABLE council_member (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	official_id INTEGER, 
	full_name VARCHAR(200) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	role VARCHAR(60) NOT NULL, 
	CONSTRAINT pk_council_member PRIMARY KEY (id), 
	CONSTRAINT fk_council_member_official_id_official FOREIGN KEY(official_id) REFERENCES official (id) ON DELETE SET NULL
);

CREATE TABLE nomination (
	id INTEGER NOT NULL, 
	dossier_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	subject_kind VARCHAR(20) NOT NULL, 
	subject_id INTEGER NOT NULL, 
	award_key VARCHAR(60) NOT NULL, 
	excellent BOOLEAN NOT NULL, 
	justification TEXT NOT NULL, 
	note TEXT NOT NULL, 
	report_identity TEXT NOT NULL, 
	report_duties TEXT NOT NULL, 
	report_achievements TEXT NOT NULL, 
	report_date DATE, 
	CONSTRAINT pk_nomination PRIMARY KEY (id), 
	CONSTRAINT fk_nomination_dossier_id_dossier FOREIGN KEY(dossier_id) REFERENCES dossier (id) ON DELETE CASCADE, 
	CONSTRAINT uq_nomination_dossier_id UNIQUE (dossier_id, subject_kind, subject_id, award_key)
);

CREATE TABLE award_record (
	id INTEGER NOT NULL, 
	subject_kind VARCHAR(20) NOT NULL, 
	subject_id INTEGER, 
	subject_name VARCHAR(300) NOT NULL, 
	year INTEGER NOT NULL, 
	award_key VARCHAR(60) NOT NULL, 
	award_name VARCHAR(300) NOT NULL, 
	authority VARCHAR(300) NOT NULL, 
	decision_number VARCHAR(100) NOT NULL, 
	decision_date DATE, 
	source VARCHAR(20) NOT NULL, 
	decision_id INTEGER, 
	CONSTRAINT pk_award_record PRIMARY KEY (id), 
	CONSTRAINT fk_award_record_decision_id_award_decision FOREIGN KEY(decision_id) REFERENCES award_decision (id) ON DELETE RESTRICT
);

CREATE TABLE council_meeting (
	id INTEGER NOT NULL, 
	dossier_id INTEGER NOT NULL, 
	number VARCHAR(100) NOT NULL, 
	held_on DATE, 
	starts_at TIME, 
	ends_at TIME, 
	place VARCHAR(300) NOT NULL, 
	chair_id INTEGER, 
	secretary_id INTEGER, 
	method VARCHAR(20) NOT NULL, 
	discussion TEXT NOT NULL, 
	CONSTRAINT pk_council_meeting PRIMARY KEY (id), 
	CONSTRAINT fk_council_meeting_chair_id_council_member FOREIGN KEY(chair_id) REFERENCES council_member (id) ON DELETE SET NULL, 
	CONSTRAINT fk_council_meeting_dossier_id_dossier FOREIGN KEY(dossier_id) REFERENCES dossier (id) ON DELETE CASCADE, 
	CONSTRAINT fk_council_meeting_secretary_id_council_member FOREIGN KEY(secretary_id) REFERENCES council_member (id) ON DELETE SET NULL, 
	CONSTRAINT uq_council_meeting_dossier_id UNIQUE (dossier_id)
);

CREATE TABLE nomination_vote (
	id INTEGER NOT NULL, 
	nomination_id INTEGER NOT NULL, 
	votes_for INTEGER NOT NULL, 
	CONSTRAINT pk_nomination_vote PRIMARY KEY (id), 
	CONSTRAINT fk_nomination_vote_nomination_id_nomination FOREIGN KEY(nomination_id) REFERENCES nomination (id) ON DELETE CASCADE, 
	CONSTRAINT uq_nomination_vote_nomination_id UNIQUE (nomination_id)
);

CREATE TABLE meeting_attendance (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	member_id INTEGER NOT NULL, 
	present BOOLEAN NOT NULL, 
	absence_reason TEXT NOT NULL, 
	written_vote BOOLEAN NOT NULL, 
	CONSTRAINT pk_meeting_attendance PRIMARY KEY (id), 
	CONSTRAINT fk_meeting_attendance_meeting_id_council_meeting FOREIGN KEY(meeting_id) REFERENCES council_meeting (id) ON DELETE CASCADE, 
	CONSTRAINT fk_meeting_attendance_member_id_council_member FOREIGN KEY(member_id) REFERENCES council_member (id) ON DELETE CASCADE, 
	CONSTRAINT uq_meeting_attendance_meeting_id UNIQUE (meeting_id, member_id)
);

CREATE TABLE report_text (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	period VARCHAR(10) NOT NULL, 
	section VARCHAR(30) NOT NULL, 
	text TEXT NOT NULL, 
	CONSTRAINT pk_report_text PRIMARY KEY (id), 
	CONSTRAINT uq_report_text_year UNIQUE (year, period, section)
);

CREATE TABLE journal_action (
	id INTEGER NOT NULL, 
	label TEXT NOT NULL, 
	state VARCHAR(10) NOT NULL, 
	made_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_journal_action PRIMARY KEY (id)
);

CREATE TABLE journal_row (
	id INTEGER NOT NULL, 
	action_id INTEGER NOT NULL, 
	table_name VARCHAR(60) NOT NULL, 
	op VARCHAR(1) NOT NULL, 
	row_id INTEGER NOT NULL, 
	"before" TEXT, 
	"after" TEXT, 
	CONSTRAINT pk_journal_row PRIMARY KEY (id), 
	CONSTRAINT fk_journal_row_action_id_journal_action FOREIGN KEY(action_id) REFERENCES journal_action (id) ON DELETE CASCADE
);

CREATE TABLE council_rule (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	quorum_numerator INTEGER NOT NULL, 
	quorum_denominator INTEGER NOT NULL, 
	CONSTRAINT pk_council_rule PRIMARY KEY (id), 
	CONSTRAINT uq_council_rule_year UNIQUE (year)
);

CREATE TABLE council_threshold (
	id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	award_key VARCHAR(60) NOT NULL, 
	percent VARCHAR(10) NOT NULL, 
	base VARCHAR(10) NOT NULL, 
	strictly_more BOOLEAN NOT NULL, 
	secret_ballot BOOLEAN NOT NULL, 
	CONSTRAINT pk_council_threshold PRIMARY KEY (id), 
	CONSTRAINT uq_council_threshold_year UNIQUE (year, award_key)
);

CREATE TABLE written_vote (
	id INTEGER NOT NULL, 
	nomination_id INTEGER NOT NULL, 
	member_id INTEGER NOT NULL, 
	agrees BOOLEAN NOT NULL, 
	CONSTRAINT pk_written_vote PRIMARY KEY (id), 
	CONSTRAINT fk_written_vote_nomination_id_nomination FOREIGN KEY(nomination_id) REFERENCES nomination (id) ON DELETE CASCADE, 
	CONSTRAINT fk_written_vote_member_id_council_member FOREIGN KEY(member_id) REFERENCES council_member (id) ON DELETE CASCADE, 
	CONSTRAINT uq_written_vote_nomination_id UNIQUE (nomination_id, member_id)
);

CREATE TABLE paper_date (
	id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	year INTEGER NOT NULL, 
	period VARCHAR(10) NOT NULL, 
	day DATE NOT NULL, 
	CONSTRAINT pk_paper_date PRIMARY KEY (id), 
	CONSTRAINT uq_paper_date_kind UNIQUE (kind, year, period)
);

CREATE TABLE "collective" (
	id INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	department VARCHAR(100) NOT NULL, 
	position INTEGER NOT NULL, 
	active BOOLEAN NOT NULL, 
	kind VARCHAR(30), 
	head_official_id INTEGER, 
	active_from DATE, 
	active_to DATE, 
	CONSTRAINT pk_collective PRIMARY KEY (id), 
	CONSTRAINT fk_collective_head_official_id_official FOREIGN KEY(head_official_id) REFERENCES official (id) ON DELETE SET NULL
);

CREATE TABLE "official" (
	id INTEGER NOT NULL, 
	full_name VARCHAR(200) NOT NULL, 
	gender VARCHAR(10) NOT NULL, 
	birth_year INTEGER, 
	position VARCHAR(200) NOT NULL, 
	department VARCHAR(100) NOT NULL, 
	category VARCHAR(100) NOT NULL, 
	active BOOLEAN NOT NULL, 
	office_id INTEGER, 
	CONSTRAINT pk_official PRIMARY KEY (id), 
	CONSTRAINT fk_official_office_id_collective FOREIGN KEY(office_id) REFERENCES collective (id) ON DELETE SET NULL
);

CREATE TABLE "plan_task" (
	id INTEGER NOT NULL, 
	area_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	detail TEXT NOT NULL, 
	lead_official_id INTEGER, 
	lead_text TEXT NOT NULL, 
	coordinators TEXT NOT NULL, 
	product TEXT NOT NULL, 
	timeframe TEXT NOT NULL, 
	target_value FLOAT, 
	target_unit VARCHAR(40) NOT NULL, 
	due_override DATE, 
	first_due DATE, 
	last_due DATE, 
	lead_office_id INTEGER, 
	CONSTRAINT pk_plan_task PRIMARY KEY (id), 
	CONSTRAINT fk_plan_task_area_id_plan_area FOREIGN KEY(area_id) REFERENCES plan_area (id) ON DELETE CASCADE, 
	CONSTRAINT fk_plan_task_lead_official_id_official FOREIGN KEY(lead_official_id) REFERENCES official (id) ON DELETE SET NULL, 
	CONSTRAINT fk_plan_task_lead_office_id_collective FOREIGN KEY(lead_office_id) REFERENCES collective (id) ON DELETE SET NULL
);

CREATE TABLE "commune_profile" (
	id INTEGER NOT NULL, 
	commune_name VARCHAR(200) NOT NULL, 
	province VARCHAR(200) NOT NULL, 
	superior_authority VARCHAR(300) NOT NULL, 
	receiving_office VARCHAR(300) NOT NULL, 
	place_name VARCHAR(200) NOT NULL, 
	chairman_name VARCHAR(200) NOT NULL, 
	chairman_title VARCHAR(200) NOT NULL, 
	clerk_name VARCHAR(200) NOT NULL, 
	doc_suffix VARCHAR(50) NOT NULL, 
	district_authority VARCHAR(300) DEFAULT ('') NOT NULL, 
	district_office VARCHAR(300) DEFAULT ('') NOT NULL, 
	unit_kind VARCHAR(10) DEFAULT 'xa' NOT NULL, 
	drafting_office_id INTEGER, commune_code VARCHAR(20) DEFAULT '' NOT NULL, 
	CONSTRAINT pk_commune_profile PRIMARY KEY (id), 
	CONSTRAINT fk_commune_profile_drafting_office_id_collective FOREIGN KEY(drafting_office_id) REFERENCES collective (id) ON DELETE SET NULL
);

CREATE TABLE superior_period (
	id INTEGER NOT NULL, 
	valid_from DATE, 
	valid_to DATE, 
	level VARCHAR(20) NOT NULL, 
	authority VARCHAR(300) NOT NULL, 
	office VARCHAR(300) NOT NULL, 
	award_office VARCHAR(300) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_superior_period PRIMARY KEY (id)
);

CREATE TABLE reporting_period (
	id INTEGER NOT NULL, 
	valid_from DATE NOT NULL, 
	"key" VARCHAR(10) NOT NULL, 
	label VARCHAR(40) NOT NULL, 
	start_month INTEGER NOT NULL, 
	start_day INTEGER NOT NULL, 
	start_previous_year BOOLEAN NOT NULL, 
	end_month INTEGER NOT NULL, 
	end_day INTEGER NOT NULL, 
	deadline_month INTEGER NOT NULL, 
	deadline_day INTEGER NOT NULL, 
	source TEXT NOT NULL, 
	CONSTRAINT pk_reporting_period PRIMARY KEY (id), 
	CONSTRAINT uq_reporting_period_valid_from UNIQUE (valid_from, "key")
);

CREATE TABLE received_package (
	id INTEGER NOT NULL, 
	path TEXT NOT NULL, 
	size INTEGER NOT NULL, 
	mtime_ns INTEGER NOT NULL, 
	package_name TEXT NOT NULL, 
	commune_key TEXT NOT NULL, 
	commune_name TEXT NOT NULL, 
	province TEXT NOT NULL, 
	unit_kind VARCHAR(10) NOT NULL, 
	commune_code VARCHAR(20) NOT NULL, 
	year INTEGER NOT NULL, 
	period VARCHAR(10) NOT NULL, 
	exported_at VARCHAR(40) NOT NULL, 
	app_version VARCHAR(40) NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	reason TEXT NOT NULL, 
	data_json TEXT, 
	self_total VARCHAR(30), 
	rating TEXT NOT NULL, 
	set_name TEXT NOT NULL, 
	set_version VARCHAR(40) NOT NULL, 
	tasks_total INTEGER NOT NULL, 
	tasks_done INTEGER NOT NULL, 
	tasks_overdue INTEGER NOT NULL, 
	proposals_count INTEGER NOT NULL, 
	decisions_count INTEGER NOT NULL, 
	seen_at VARCHAR(40) NOT NULL, 
	CONSTRAINT pk_received_package PRIMARY KEY (id), 
	CONSTRAINT uq_received_package_path UNIQUE (path)
);

CREATE TABLE province_appraisal (
	id INTEGER NOT NULL, 
	commune_key TEXT NOT NULL, 
	year INTEGER NOT NULL, 
	code VARCHAR(40) NOT NULL, 
	points VARCHAR(30), 
	note TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_province_appraisal PRIMARY KEY (id), 
	CONSTRAINT uq_province_appraisal_commune_key UNIQUE (commune_key, year, code)
);

CREATE TABLE receiving_office (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	province TEXT NOT NULL, signer TEXT DEFAULT '' NOT NULL, 
	CONSTRAINT pk_receiving_office PRIMARY KEY (id)
);

CREATE INDEX ix_plan_year ON "plan" (year);

CREATE INDEX ix_plan_area_plan_id ON plan_area (plan_id);

CREATE INDEX ix_plan_section_plan_id ON plan_section (plan_id);

CREATE INDEX ix_task_occurrence_due ON task_occurrence (due);

CREATE INDEX ix_task_occurrence_task_id ON task_occurrence (task_id);

CREATE INDEX ix_evidence_link_file_id ON evidence_link (file_id);

CREATE INDEX ix_evidence_link_occurrence_id ON evidence_link (occurrence_id);

CREATE INDEX ix_evidence_link_task_id ON evidence_link (task_id);

CREATE INDEX ix_task_history_task_id ON task_history (task_id);

CREATE INDEX ix_initiative_year ON initiative (year);

CREATE INDEX ix_assessment_set_id ON assessment (set_id);

CREATE INDEX ix_criterion_set_id ON criterion (set_id);

CREATE INDEX ix_discipline_official_id ON discipline (official_id);

CREATE INDEX ix_discipline_year ON discipline (year);

CREATE INDEX ix_initiative_author_initiative_id ON initiative_author (initiative_id);

CREATE INDEX ix_initiative_author_official_id ON initiative_author (official_id);

CREATE INDEX ix_rating_band_set_id ON rating_band (set_id);

CREATE INDEX ix_emulation_mark_assessment_id ON emulation_mark (assessment_id);

CREATE INDEX ix_emulation_mark_criterion_id ON emulation_mark (criterion_id);

CREATE INDEX ix_score_entry_assessment_id ON score_entry (assessment_id);

CREATE INDEX ix_score_entry_criterion_id ON score_entry (criterion_id);

CREATE INDEX ix_score_evidence_entry_id ON score_evidence (entry_id);

CREATE INDEX ix_score_evidence_file_id ON score_evidence (file_id);

CREATE INDEX ix_dossier_year ON dossier (year);

CREATE INDEX ix_registration_year ON registration (year);

CREATE INDEX ix_award_decision_year ON award_decision (year);

CREATE INDEX ix_council_member_year ON council_member (year);

CREATE INDEX ix_nomination_dossier_id ON nomination (dossier_id);

CREATE INDEX ix_award_record_decision_id ON award_record (decision_id);

CREATE INDEX ix_award_record_subject_id ON award_record (subject_id);

CREATE INDEX ix_award_record_year ON award_record (year);

CREATE INDEX ix_meeting_attendance_meeting_id ON meeting_attendance (meeting_id);

CREATE INDEX ix_meeting_attendance_member_id ON meeting_attendance (member_id);

CREATE INDEX ix_report_text_year ON report_text (year);

CREATE INDEX ix_journal_row_action_id ON journal_row (action_id);

CREATE INDEX ix_council_threshold_year ON council_threshold (year);

CREATE INDEX ix_written_vote_nomination_id ON written_vote (nomination_id);

CREATE INDEX ix_written_vote_member_id ON written_vote (member_id);

CREATE INDEX ix_paper_date_year ON paper_date (year);

CREATE INDEX ix_official_office_id ON official (office_id);

CREATE INDEX ix_plan_task_area_id ON plan_task (area_id);

CREATE INDEX ix_plan_task_first_due ON plan_task (first_due);

CREATE INDEX ix_plan_task_lead_official_id ON plan_task (lead_official_id);

CREATE INDEX ix_plan_task_lead_office_id ON plan_task (lead_office_id);

CREATE INDEX ix_received_package_year ON received_package (year, commune_key);

