//! Every form Continuum has, as a person fills it in with a mistake: the list the no-typed-words-in-addresses
//! test walks. Each names the server function (or plain route) it posts to, the page it is on, who uses it, and
//! what is typed: `{marker}` in every text field, and `{long}` (a marker in a 10,000-character text) where the
//! only mistake possible is typing too much. Other placeholders are records of "the service"
//! (`world::World`), as in the access matrix's table (`routes::ROUTES`), which this list is checked against:
//! every route that takes a POST is either a form here or named in `NOT_FORMS` with the reason.

use crate::routes::Person;

/// One form, filled in with a mistake.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    /// The address the form posts to, as the access matrix's table names it.
    pub action: &'static str,
    /// The address actually posted to (placeholders filled), when it differs from `action` (plain routes).
    pub post_to: Option<&'static str>,
    /// The page the form is on.
    pub page: &'static str,
    pub person: Person,
    pub fields: &'static [(&'static str, &'static str)],
    /// The form posts a file as well (multipart), a small file that is not a PDF.
    pub upload: bool,
    /// The page that comes back shows what was typed. False only for forms behind a link whose token the test
    /// cannot have (the form is not on the page, so its refusal is a page of its own).
    pub shows_typed: bool,
}

const fn form(
    action: &'static str,
    page: &'static str,
    person: Person,
    fields: &'static [(&'static str, &'static str)],
) -> Form {
    Form { action, post_to: None, page, person, fields, upload: false, shows_typed: true }
}

/// POSTs the access matrix lists that are not forms a person fills in, and why.
pub const NOT_FORMS: &[(&str, &str)] = &[
    ("/api/sign_out", "a button with nothing typed, never refused"),
    ("/api/check_link", "read by the link pages, not posted by a form"),
    ("/api/list_people", "a read"),
    ("/api/get_person", "a read"),
    ("/api/list_services", "a read"),
    ("/api/staffed_services", "a read"),
    ("/api/shell_info", "a read"),
    ("/api/list_opportunities", "a read"),
    ("/api/list_activities", "a read (its filters are a GET form)"),
    ("/api/get_activity", "a read"),
    ("/api/get_info_page", "a read"),
    ("/api/get_event", "a read"),
    ("/api/get_poster", "a read"),
    ("/api/check_registration", "a read"),
    ("/api/my_place", "a read"),
    ("/api/information_overview", "a read"),
    ("/api/get_info_page_for_editing", "a read"),
    ("/api/event_registrations", "a read"),
    ("/api/list_feedback_forms", "a read"),
    ("/api/get_feedback_form", "a read"),
    ("/api/preview_feedback_form", "a read"),
    ("/api/consultation_services", "a read"),
    ("/api/get_review_queue", "a read"),
    ("/api/get_feedback_response", "a read"),
    ("/api/get_flagged_record", "a read"),
    ("/api/get_consultation_settings", "a read"),
    ("/api/list_focus_groups", "a read"),
    ("/api/get_form_results", "a read (its filters are a GET form)"),
    ("/api/participation_overview", "a read"),
    ("/api/get_group", "a read"),
    ("/api/get_meeting", "a read"),
    ("/api/list_volunteer_roles", "a read"),
    ("/api/get_references", "a read"),
    ("/api/get_reference_request", "a read"),
    ("/api/volunteer_checks_overview", "a read"),
    ("/api/get_role_checks", "a read"),
    ("/api/get_appointment", "a read"),
    ("/api/my_volunteering", "a read"),
    ("/api/request_references", "a button with nothing typed"),
    ("/api/set_role_check", "a button with nothing typed"),
    ("/api/come_back_to_volunteering", "a button with nothing typed"),
    ("/api/set_volunteer_supervisor", "a choice from the list of the service's staff, nothing typed"),
    ("/api/get_volunteer_role", "a read"),
    ("/api/application_status", "a read"),
    ("/api/get_resent_application", "a read"),
    ("/api/confirm_resent_application", "a button with nothing typed, behind a link whose key the test cannot have"),
    ("/api/inclusion_overview", "a read"),
    ("/api/get_role_for_editing", "a read"),
    ("/api/list_applications", "a read (its filter is links)"),
    ("/api/get_application", "a read"),
    ("/api/get_hours_page", "a read (its filters are a GET form)"),
    ("/api/get_hours_entry", "a read"),
    ("/api/list_courses", "a read"),
    ("/api/get_course", "a read"),
    ("/api/log_session_hours", "a button with nothing typed"),
    ("/api/link_interview_panel", "a choice from the list of the role's interview panels, nothing typed"),
    ("/api/get_minutes", "a read"),
    ("/api/get_public_summary", "a read"),
    ("/api/get_action", "a read"),
    ("/api/get_my_actions", "a read"),
    ("/api/get_matters_arising", "a read"),
    ("/api/get_you_said_we_did_board", "a read"),
    ("/api/get_you_said_we_did", "a read"),
    ("/api/get_you_said_we_did_item", "a read"),
    ("/api/approve_you_said_we_did_quote", "a button with nothing typed"),
    ("/api/circulate_minutes", "a button with nothing typed (in the world, already circulated: a conflict)"),
    ("/api/profile_services", "a read"),
    ("/api/partnership_overview", "a read"),
    ("/api/get_panel", "a read"),
    ("/api/my_payments", "a read"),
    ("/api/manage_payments", "a read"),
    ("/api/mark_payments_paid", "a button with nothing typed (its hidden field is the approval time shown)"),
    ("/api/continuum_profile", "a read (its filters are a GET form)"),
    ("/api/involvement_choices", "a read"),
    ("/api/involvement_report", "a read (its filters are a GET form)"),
];

/// Forms that store something yet carry no single-use submission token, and why. Every other form here carries
/// one (`ui::SubmissionToken`), which `typed_words.rs` checks on each form's page.
pub const NO_TOKEN: &[(&str, &str)] = &[
    ("/api/sign_in", "a session, not a record: signing in twice from one page is harmless"),
    (
        "/api/request_password_reset",
        "its answer never waits for the account lookup, so the link is made after it; a second link is harmless",
    ),
    ("/api/tag_comment", "sets a tag on or off: the same again changes nothing"),
];

/// Every form, with a mistake and a marker in every text field.
pub const FORMS: &[Form] = &[
    // ---- accounts ---------------------------------------------------------------------------------------
    form(
        "/api/sign_in",
        "/sign-in",
        Person::Anonymous,
        &[("email", "{marker}"), ("password", "{marker}"), ("next", "/")],
    ),
    form("/api/request_password_reset", "/forgot-password", Person::Anonymous, &[("email", "{marker}")]),
    Form {
        shows_typed: false,
        ..form(
            "/api/reset_password",
            "/reset-password?token=no-such-token",
            Person::Anonymous,
            &[("token", "no-such-token"), ("password", "{marker}"), ("confirm_password", "other")],
        )
    },
    Form {
        shows_typed: false,
        ..form(
            "/api/accept_invitation",
            "/invitation?token=no-such-token",
            Person::Anonymous,
            &[("token", "no-such-token"), ("name", "{marker}"), ("password", "{marker}"), ("confirm_password", "x")],
        )
    },
    form("/api/update_my_name", "/account", Person::Patient, &[("name", "{long}")]),
    form(
        "/api/change_my_password",
        "/account",
        Person::Patient,
        &[("current_password", "{marker}"), ("new_password", "{marker}"), ("confirm_password", "other")],
    ),
    form(
        "/api/invite_person",
        "/admin/people",
        Person::Administrator,
        &[("email", "{marker}"), ("name", "{marker}"), ("service_id", ""), ("role", "")],
    ),
    form(
        "/api/grant_role",
        "/admin/people/{patient}",
        Person::Administrator,
        &[("person_id", "{patient}"), ("service_id", "")],
    ),
    form(
        "/api/revoke_role",
        "/admin/people/{patient}",
        Person::Administrator,
        &[("person_id", "{patient}"), ("service_id", "{service}"), ("role", "nobody")],
    ),
    form(
        "/api/set_account_disabled",
        "/admin/people/{administrator}",
        Person::Administrator,
        &[("person_id", "{administrator}"), ("disabled", "true")],
    ),
    form(
        "/api/set_administrator",
        "/admin/people/{administrator}",
        Person::Administrator,
        &[("person_id", "{administrator}"), ("administrator", "false")],
    ),
    form("/api/create_service", "/admin/services", Person::Administrator, &[("name", "{long}")]),
    form(
        "/api/rename_service",
        "/admin/services",
        Person::Administrator,
        &[("service_id", "{service}"), ("name", "{long}")],
    ),
    // ---- the ledger -------------------------------------------------------------------------------------
    // No level chosen: a radio group the browser does not post at all.
    form(
        "/api/record_activity",
        "/ledger/new",
        Person::Manager,
        &[
            ("service_id", "{service}"),
            ("kind", "other"),
            ("title", "{marker}"),
            ("happened_on_day", "{marker}"),
            ("happened_on_month", "{marker}"),
            ("happened_on_year", "{marker}"),
            ("patients", "{marker}"),
            ("carers", "0"),
            ("staff", "0"),
            ("others", "0"),
            ("purpose", "{marker}"),
            ("outcome", "{marker}"),
        ],
    ),
    form(
        "/api/update_activity",
        "/ledger/{activity}/edit",
        Person::Manager,
        &[
            ("activity_id", "{activity}"),
            ("level", "no such level"),
            ("kind", "other"),
            ("title", "{marker}"),
            ("happened_on_day", "{marker}"),
            ("happened_on_month", "{marker}"),
            ("happened_on_year", "{marker}"),
            ("patients", "{marker}"),
            ("carers", "0"),
            ("staff", "0"),
            ("others", "0"),
            ("purpose", "{marker}"),
            ("outcome", "{marker}"),
        ],
    ),
    form("/api/delete_activity", "/ledger/{activity}", Person::Manager, &[("activity_id", "no-such-activity")]),
    // ---- information ------------------------------------------------------------------------------------
    form(
        "/api/register_for_event",
        "/events/{event_slug}",
        Person::Anonymous,
        &[("event_slug", "{event_slug}"), ("name", "{marker}"), ("email", "{marker}"), ("access_needs", "{marker}")],
    ),
    form("/api/cancel_registration", "/events/cancel?token=no-such-token", Person::Anonymous, &[("token", "x")]),
    form(
        "/api/save_info_page",
        "/information/pages/{page_id}/edit",
        Person::Manager,
        &[
            ("page_id", "{page_id}"),
            ("service_id", "{service}"),
            ("title", "{long}"),
            ("summary", "{marker}"),
            ("body", "{marker}"),
            ("published", "yes"),
        ],
    ),
    form(
        "/api/save_event",
        "/information/events/{event_slug}/edit",
        Person::Manager,
        &[
            ("event_id", "{event_id}"),
            ("service_id", "{service}"),
            ("title", "{marker}"),
            ("description", "{marker}"),
            ("day_day", "{marker}"),
            ("day_month", "{marker}"),
            ("day_year", "{marker}"),
            ("start", "{marker}"),
            ("end", "{marker}"),
            ("place", "{marker}"),
            ("capacity", "{marker}"),
        ],
    ),
    form(
        "/api/record_event_held",
        "/information/events/{event_slug}",
        Person::Manager,
        &[("event_id", "{event_id}"), ("patients", "{marker}"), ("carers", "0"), ("staff", "0"), ("others", "0")],
    ),
    Form {
        upload: true,
        ..form(
            "/api/upload_leaflet",
            "/information/leaflets/new",
            Person::Manager,
            &[("service_id", "{service}"), ("title", "{marker}"), ("summary", "{marker}")],
        )
    },
    // ---- consultation -----------------------------------------------------------------------------------
    form(
        "/api/create_feedback_form",
        "/consultation/forms/new",
        Person::Manager,
        &[
            ("service_id", "{service}"),
            ("title", "{long}"),
            ("intervention", "{marker}"),
            ("template", "fft"),
            ("answering", ""),
        ],
    ),
    form(
        "/api/update_feedback_form",
        "/consultation/forms/{spare_form_id}",
        Person::Manager,
        &[("form_id", "{spare_form_id}"), ("title", "{long}"), ("intervention", "{marker}"), ("answering", "")],
    ),
    form(
        "/api/save_question",
        "/consultation/forms/{spare_form_id}",
        Person::Manager,
        &[
            ("form_id", "{spare_form_id}"),
            ("question_id", ""),
            ("prompt", "{long}"),
            ("help", "{marker}"),
            ("required", ""),
            ("kind", "single_choice"),
            ("low", ""),
            ("high", ""),
            ("options", "{marker}"),
        ],
    ),
    form(
        "/api/arrange_question",
        "/consultation/forms/{form_id}",
        Person::Manager,
        &[("form_id", "{form_id}"), ("question_id", "{question_id}"), ("change", "sideways")],
    ),
    form(
        "/api/new_form_version",
        "/consultation/forms/{spare_form_id}",
        Person::Manager,
        &[("form_id", "{spare_form_id}")],
    ),
    form(
        "/api/duplicate_feedback_form",
        "/consultation/forms/{form_id}",
        Person::Manager,
        &[("form_id", "no-such-form")],
    ),
    form(
        "/api/set_form_state",
        "/consultation/forms/{draft_form_id}",
        Person::Manager,
        &[
            ("form_id", "{draft_form_id}"),
            ("state", "open"),
            ("open_until_day", "{marker}"),
            ("open_until_month", "{marker}"),
            ("open_until_year", "{marker}"),
        ],
    ),
    form(
        "/api/record_review",
        "/consultation/responses/{response_id}",
        Person::Manager,
        &[("response_id", "{response_id}"), ("outcome", ""), ("note", "{marker}")],
    ),
    form(
        "/api/record_flag_review",
        "/consultation/review/flags/volunteer_application/{application_id}",
        Person::Manager,
        &[("kind", "volunteer_application"), ("id", "{application_id}"), ("outcome", ""), ("note", "{marker}")],
    ),
    form(
        "/api/mark_response_read",
        "/consultation/responses/{response_id}",
        Person::Manager,
        &[("response_id", "{response_id}")],
    ),
    form(
        "/api/tag_comment",
        "/consultation/responses/{response_id}",
        Person::Manager,
        &[("response_id", "{response_id}"), ("question_id", "{comment_question_id}"), ("theme_id", "no-such-theme")],
    ),
    form(
        "/api/add_theme",
        "/consultation/settings",
        Person::Manager,
        &[("service_id", "{service}"), ("name", "{long}")],
    ),
    form(
        "/api/set_duty_inbox",
        "/consultation/settings",
        Person::Manager,
        &[("service_id", "{service}"), ("duty_inbox", "{marker}")],
    ),
    form(
        "/api/record_focus_group",
        "/consultation/focus-groups",
        Person::Manager,
        &[
            ("service_id", "{service}"),
            ("topic", "{marker}"),
            ("held_on_day", "{marker}"),
            ("held_on_month", "{marker}"),
            ("held_on_year", "{marker}"),
            ("participants", "{marker}"),
            ("themes", "{marker}"),
            ("notes", "{long}"),
        ],
    ),
    // ---- participation -----------------------------------------------------------------------------------
    form(
        "/api/save_group",
        "/participation",
        Person::Manager,
        &[
            ("group_id", ""),
            ("service_id", "{service}"),
            ("name", "{marker}"),
            ("purpose", "{marker}"),
            ("terms_of_reference", "{marker}"),
            ("quorum_present", "{marker}"),
            ("quorum_lived", "{marker}"),
            ("papers_due_days", "{marker}"),
        ],
    ),
    form(
        "/api/add_group_member",
        "/participation/groups/{group_id}",
        Person::Manager,
        &[
            ("group_id", "{group_id}"),
            ("account_email", "{marker}"),
            ("member_name", "{marker}"),
            ("organisation", "{marker}"),
            ("member_email", "{marker}"),
            ("member_type", ""),
            ("position", "member"),
            ("term_start_day", "{marker}"),
            ("term_start_month", "{marker}"),
            ("term_start_year", "{marker}"),
            ("term_end_day", "{marker}"),
            ("term_end_month", "{marker}"),
            ("term_end_year", "{marker}"),
            ("access_needs", "{marker}"),
        ],
    ),
    form(
        "/api/schedule_meeting",
        "/participation/groups/{group_id}",
        Person::Manager,
        &[
            ("group_id", "{group_id}"),
            ("day_day", "{marker}"),
            ("day_month", "{marker}"),
            ("day_year", "{marker}"),
            ("start", "{marker}"),
            ("end", "{marker}"),
            ("place", "{marker}"),
            ("joining_link", "{marker}"),
        ],
    ),
    form(
        "/api/set_meeting_status",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[("meeting_id", "{meeting_id}"), ("status", "nonsense")],
    ),
    form(
        "/api/add_agenda_item",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[
            ("meeting_id", "{meeting_id}"),
            ("title", "{marker}"),
            ("lead", "{marker}"),
            ("minutes_allotted", "{marker}"),
        ],
    ),
    form(
        "/api/record_attendance",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[("meeting_id", "{meeting_id}")],
    ),
    form(
        "/api/add_meeting_guest",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[("meeting_id", "{meeting_id}"), ("guest_name", "{long}"), ("guest_role", "{marker}")],
    ),
    form(
        "/api/declare_interest",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[("meeting_id", "{meeting_id}"), ("item_id", ""), ("member_id", ""), ("interest", "{marker}")],
    ),
    // Not a PDF (the test's file says it is one by its name only).
    Form {
        upload: true,
        ..form(
            "/api/upload_paper",
            "/participation/meetings/{meeting_id}",
            Person::Manager,
            &[("meeting_id", "{meeting_id}"), ("paper_item_id", "{item_id}"), ("paper_title", "{marker}")],
        )
    },
    // The file in the wrong field: no easy-read version chosen.
    Form {
        upload: true,
        ..form(
            "/api/upload_easy_read",
            "/participation/meetings/{meeting_id}",
            Person::Manager,
            &[("meeting_id", "{meeting_id}"), ("paper_id", "{paper_id}")],
        )
    },
    form(
        "/api/send_papers",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[("meeting_id", "no-such-meeting")],
    ),
    form(
        "/api/end_member_term",
        "/participation/groups/{group_id}",
        Person::Manager,
        &[
            ("group_id", "{group_id}"),
            ("member_id", "{member_id}"),
            ("ends_on_day", "{marker}"),
            ("ends_on_month", "{marker}"),
            ("ends_on_year", "{marker}"),
        ],
    ),
    form(
        "/api/record_papers_posted",
        "/participation/meetings/{meeting_id}",
        Person::Manager,
        &[
            ("meeting_id", "{meeting_id}"),
            ("post_member_id", "{member_id}"),
            ("posted_on_day", "{marker}"),
            ("posted_on_month", "{marker}"),
            ("posted_on_year", "{marker}"),
        ],
    ),
    form(
        "/api/change_member_position",
        "/participation/groups/{group_id}",
        Person::Manager,
        &[("group_id", "{group_id}"), ("position_member_id", "{member_id}"), ("new_position", "nonsense")],
    ),
    // ---- inclusion -------------------------------------------------------------------------------------
    // No answer to "Are you applying as" (a radio group the browser does not post) and no consent ticked.
    form(
        "/api/apply_for_role",
        "/volunteer/{role_slug}",
        Person::Anonymous,
        &[
            ("role_slug", "{role_slug}"),
            ("name", "{marker}"),
            ("email", "{marker}"),
            ("phone", "{marker}"),
            ("why", "{marker}"),
            ("availability", "{marker}"),
            ("access_needs", "{long}"),
            ("referee1_name", "{marker}"),
            ("referee1_contact", "{marker}"),
            ("referee2_name", "{marker}"),
            ("referee2_contact", "{marker}"),
        ],
    ),
    form(
        "/api/withdraw_application",
        "/volunteer/application?token=no-such-token",
        Person::Anonymous,
        &[("token", "x")],
    ),
    // No answer to "Is this a lived-experience role?".
    form(
        "/api/save_volunteer_role",
        "/inclusion",
        Person::Manager,
        &[
            ("role_id", ""),
            ("service_id", "{service}"),
            ("title", "{marker}"),
            ("duties", "{marker}"),
            ("time_asked", "{marker}"),
            ("place", "{marker}"),
            ("support", "{marker}"),
            ("expenses", "{marker}"),
            ("posts", "{marker}"),
            ("role_state", "draft"),
        ],
    ),
    // Nothing chosen for what happens next.
    form(
        "/api/move_application",
        "/inclusion/applications/{application_id}",
        Person::Manager,
        &[("application_id", "{application_id}"), ("note", "{marker}")],
    ),
    form(
        "/api/appoint_volunteer",
        "/inclusion/applications/{application_id}",
        Person::Manager,
        &[
            ("application_id", "{application_id}"),
            ("starts_on_day", "{marker}"),
            ("starts_on_month", "{marker}"),
            ("starts_on_year", "{marker}"),
        ],
    ),
    // Nothing chosen for what was done about the screener's flag: the review queue's own form, on the
    // application's page.
    form(
        "/api/record_flag_review",
        "/inclusion/applications/{application_id}",
        Person::Manager,
        &[("kind", "volunteer_application"), ("id", "{application_id}"), ("outcome", ""), ("note", "{marker}")],
    ),
    // References, checks and the volunteer's own page (issue 16 §4–§6). A referee's forms are behind a link
    // whose key the test cannot have.
    form(
        "/api/replace_referee",
        "/inclusion/applications/{application_id}",
        Person::Manager,
        &[("reference_id", "{reference_id}"), ("referee_name", "{marker}"), ("referee_email", "{marker}")],
    ),
    Form {
        shows_typed: false,
        ..form(
            "/api/give_reference",
            "/volunteer/reference?key=no-such-key",
            Person::Anonymous,
            &[("key", "no-such-key"), ("known_how", "{marker}"), ("reference", "")],
        )
    },
    Form {
        shows_typed: false,
        ..form(
            "/api/decline_reference",
            "/volunteer/reference?key=no-such-key",
            Person::Anonymous,
            &[("key", "no-such-key"), ("decline_reason", "{long}")],
        )
    },
    // No kind of check chosen.
    form(
        "/api/add_volunteer_check",
        "/inclusion/checks",
        Person::Manager,
        &[("service_id", "{service}"), ("check_name", "{marker}"), ("valid_months", "{marker}")],
    ),
    form(
        "/api/record_volunteer_check",
        "/inclusion/appointments/{appointment_id}",
        Person::Manager,
        &[
            ("appointment_id", "{appointment_id}"),
            ("check_kind_id", "{check_kind_id}"),
            ("done_on_day", "{marker}"),
            ("done_on_month", "{marker}"),
            ("done_on_year", "{marker}"),
            ("certificate_number", "{marker}"),
        ],
    ),
    // No status chosen.
    form(
        "/api/set_appointment_status",
        "/inclusion/appointments/{appointment_id}",
        Person::Manager,
        &[("appointment_id", "{appointment_id}"), ("reason", "{marker}")],
    ),
    form(
        "/api/record_supervision",
        "/inclusion/appointments/{appointment_id}",
        Person::Manager,
        &[
            ("appointment_id", "{appointment_id}"),
            ("held_on_day", "{marker}"),
            ("held_on_month", "{marker}"),
            ("held_on_year", "{marker}"),
            ("notes", "{marker}"),
        ],
    ),
    form(
        "/api/pause_my_volunteering",
        "/volunteering",
        Person::Volunteer,
        &[("appointment_id", "{appointment_id}"), ("reason", "{long}")],
    ),
    // Hours: hours that are not a number, a date that is not one.
    form(
        "/api/log_hours",
        "/inclusion/hours",
        Person::Volunteer,
        &[
            ("entry_id", ""),
            ("appointment_id", "{hours_appointment_id}"),
            ("worked_on_day", "{marker}"),
            ("worked_on_month", "{marker}"),
            ("worked_on_year", "{marker}"),
            ("hours", "{marker}"),
            ("what", "{marker}"),
            ("answer", ""),
        ],
    ),
    // No decision chosen.
    form(
        "/api/decide_hours",
        "/inclusion/hours/{hours_id}",
        Person::Manager,
        &[("entry_id", "{hours_id}"), ("note", "{marker}")],
    ),
    // No service chosen.
    form("/api/save_course", "/inclusion/courses", Person::Manager, &[("title", "{marker}"), ("about", "{marker}")]),
    form(
        "/api/record_session",
        "/inclusion/courses/{course_id}",
        Person::Manager,
        &[
            ("course_id", "{course_id}"),
            ("held_on_day", "{marker}"),
            ("held_on_month", "{marker}"),
            ("held_on_year", "{marker}"),
            ("start", "{marker}"),
            ("end", "{marker}"),
            ("place", "{marker}"),
            ("patients_attending", "{marker}"),
            ("others_attending", "{marker}"),
            ("staff_facilitators", "{marker}"),
            ("named_co_facilitator", "{marker}"),
            ("named_co_facilitator_2", "{marker}"),
            ("named_co_facilitator_3", "{marker}"),
            ("feedback_form", "{marker}"),
        ],
    ),
    // No session chosen, and the counts are not numbers.
    form(
        "/api/mark_session_held",
        "/inclusion/courses/{course_id}",
        Person::Manager,
        &[
            ("course_id", "{course_id}"),
            ("session_id", ""),
            ("patients_attending", "{marker}"),
            ("others_attending", "{marker}"),
        ],
    ),
    form(
        "/api/save_minutes",
        "/participation/meetings/{meeting_id}/minutes",
        Person::Manager,
        &[("meeting_id", "{meeting_id}"), ("discussion[i-{item_id}]", "{long}")],
    ),
    form(
        "/api/record_decision",
        "/participation/meetings/{meeting_id}/minutes",
        Person::Manager,
        &[
            ("meeting_id", "{meeting_id}"),
            ("decision_item_id", ""),
            ("wording", "{marker}"),
            ("review_on_day", "{marker}"),
            ("review_on_month", "{marker}"),
            ("review_on_year", "{marker}"),
        ],
    ),
    form(
        "/api/add_action",
        "/participation/meetings/{meeting_id}/minutes",
        Person::Manager,
        &[
            ("meeting_id", "{meeting_id}"),
            ("action_item_id", ""),
            ("description", "{marker}"),
            ("owner", ""),
            ("due_on_day", "{marker}"),
            ("due_on_month", "{marker}"),
            ("due_on_year", "{marker}"),
        ],
    ),
    form(
        "/api/comment_on_minutes",
        "/participation/meetings/{meeting_id}/minutes",
        Person::SteeringMember,
        &[("meeting_id", "{meeting_id}"), ("comment_item_id", ""), ("comment", "{marker}")],
    ),
    form(
        "/api/approve_minutes",
        "/participation/meetings/{meeting_id}/minutes",
        Person::Manager,
        &[("meeting_id", "{meeting_id}"), ("approval", "nonsense")],
    ),
    form(
        "/api/publish_minutes",
        "/participation/meetings/{summary_meeting_id}/minutes",
        Person::Manager,
        &[("meeting_id", "{summary_meeting_id}"), ("audience", "nonsense")],
    ),
    form(
        "/api/amend_minutes",
        "/participation/meetings/{summary_meeting_id}/minutes",
        Person::Manager,
        &[("meeting_id", "{summary_meeting_id}"), ("amendment_item_id", ""), ("amendment", "{marker}")],
    ),
    form(
        "/api/update_action",
        "/participation/actions/{action_id}",
        Person::Manager,
        &[("action_id", "{action_id}"), ("status", "nonsense"), ("reason", "{marker}"), ("update", "{marker}")],
    ),
    form("/api/choose_participation_mail", "/participation/my-actions", Person::Patient, &[("mail", "nonsense")]),
    form(
        "/api/add_you_said_we_did",
        "/participation/you-said-we-did",
        Person::Manager,
        &[("source", ""), ("link", ""), ("you_said", "{marker}")],
    ),
    form(
        "/api/save_you_said_we_did",
        "/participation/you-said-we-did/{outcome_id}",
        Person::Manager,
        &[
            ("outcome_id", "{outcome_id}"),
            ("status", "nonsense"),
            ("we_did", "{marker}"),
            ("reason", "{marker}"),
            ("quote", "{marker}"),
            ("publish", "no"),
        ],
    ),
    // ---- partnership -----------------------------------------------------------------------------------
    // No answer to "How they sit on panels".
    form(
        "/api/add_to_panel_pool",
        "/partnership",
        Person::Manager,
        &[("service_id", "{service}"), ("email", "{marker}"), ("access_needs", "{long}")],
    ),
    form(
        "/api/record_panel_training",
        "/partnership",
        Person::Manager,
        &[
            ("pool_member_id", "{pool_member_id}"),
            ("trained_on_day", "{marker}"),
            ("trained_on_month", "{marker}"),
            ("trained_on_year", "{marker}"),
            ("may_chair", "no"),
        ],
    ),
    form(
        "/api/set_panel_retention",
        "/partnership",
        Person::Manager,
        &[("service_id", "{service}"), ("months", "{marker}")],
    ),
    // No answer to "The panel is for".
    form(
        "/api/create_panel",
        "/partnership",
        Person::Manager,
        &[
            ("service_id", "{service}"),
            ("post_title", "{marker}"),
            ("sits_on_day", "{marker}"),
            ("sits_on_month", "{marker}"),
            ("sits_on_year", "{marker}"),
            ("sits_at", "{marker}"),
            ("place", "{marker}"),
        ],
    ),
    form(
        "/api/add_panel_criterion",
        "/partnership/panels/{panel_id}",
        Person::Manager,
        &[
            ("panel_id", "{panel_id}"),
            ("name", "{marker}"),
            ("means_0", "{marker}"),
            ("means_1", "{marker}"),
            ("means_2", "{marker}"),
            ("means_3", "{marker}"),
            ("means_4", "{marker}"),
            ("minimum", "{marker}"),
        ],
    ),
    // No criterion ticked.
    form(
        "/api/add_panel_question",
        "/partnership/panels/{panel_id}",
        Person::Manager,
        &[("panel_id", "{panel_id}"), ("wording", "{marker}")],
    ),
    form(
        "/api/add_panel_member",
        "/partnership/panels/{panel_id}",
        Person::Manager,
        &[("panel_id", "{panel_id}"), ("pool_member_id", ""), ("chair", "no")],
    ),
    form(
        "/api/record_no_lived_experience_reason",
        "/partnership/panels/{panel_id}",
        Person::Manager,
        &[("panel_id", "{panel_id}"), ("reason", "{long}")],
    ),
    // A file that is not a PDF, and personal details not confirmed removed.
    Form {
        upload: true,
        ..form(
            "/api/add_panel_candidate",
            "/partnership/panels/{panel_id}",
            Person::Manager,
            &[("panel_id", "{panel_id}"), ("candidate_name", "{marker}")],
        )
    },
    // The untrained member has not ticked the agreement.
    form(
        "/api/agree_panel_confidentiality",
        "/partnership/panels/{panel_id}",
        Person::SteeringMember,
        &[("panel_id", "{panel_id}")],
    ),
    form(
        "/api/declare_panel_interest",
        "/partnership/panels/{panel_id}",
        Person::Volunteer,
        &[("panel_id", "{panel_id}"), ("interest_reason", "{marker}")],
    ),
    // A score that is not a number from 0 to 4.
    form(
        "/api/submit_panel_scores",
        "/partnership/panels/{panel_id}",
        Person::Volunteer,
        &[
            ("candidate_id", "{candidate_id}"),
            ("score[c-{candidate_id}_{criterion_id}]", "{marker}"),
            ("evidence[c-{candidate_id}_{criterion_id}]", "{marker}"),
        ],
    ),
    form(
        "/api/close_panel_scoring",
        "/partnership/panels/{panel_id}",
        Person::Volunteer,
        &[("candidate_id", "{candidate_id}"), ("close_reason[c-{candidate_id}]", "{long}")],
    ),
    // Shown only once a candidate's scores are unsealed, which they are not in the world.
    Form {
        shows_typed: false,
        ..form(
            "/api/rescore_panel_candidate",
            "/partnership/panels/{panel_id}",
            Person::Volunteer,
            &[
                ("candidate_id", "{candidate_id}"),
                ("new_score[c-{candidate_id}]", "{marker}"),
                ("rescore_reason[c-{candidate_id}]", "{marker}"),
            ],
        )
    },
    Form {
        shows_typed: false,
        ..form(
            "/api/record_panel_outcome",
            "/partnership/panels/{panel_id}",
            Person::Manager,
            &[
                ("candidate_id", "{candidate_id}"),
                ("outcome_reasons[c-{candidate_id}]", "{marker}"),
                ("departure_reason[c-{candidate_id}]", "{marker}"),
            ],
        )
    },
    form("/api/choose_report_mail", "/reports/involvement", Person::Manager, &[("mail", "nonsense")]),
    // ---- involvement payments (partnership §7) --------------------------------------------------------
    form(
        "/api/answer_payment_offer",
        "/payments",
        Person::Volunteer,
        &[("offer_id", "{offer_id}"), ("choice", "accept"), ("amount", "{marker}")],
    ),
    form("/api/set_weekly_cap", "/payments", Person::Patient, &[("weekly_cap", "{marker}")]),
    // A receipt that is not a PDF or an image, and money and a date that are not.
    Form {
        upload: true,
        ..form(
            "/api/claim_expense",
            "/payments",
            Person::Volunteer,
            &[
                ("service_id", "{service}"),
                ("kind", "public_transport"),
                ("incurred_on_day", "{marker}"),
                ("incurred_on_month", "{marker}"),
                ("incurred_on_year", "{marker}"),
                ("description", "{marker}"),
                ("amount", "{marker}"),
                ("miles", "{marker}"),
            ],
        )
    },
    // Withdrawing a claim: a box to tick and a button, nothing typed; left unticked, it comes back beside the box.
    form(
        "/api/withdraw_expense_claim",
        "/payments",
        Person::Volunteer,
        &[("claim_id", "{claim_id}"), ("withdraw", "")],
    ),
    form(
        "/api/save_payment_rate",
        "/payments/manage",
        Person::Manager,
        &[
            ("service_id", "{service}"),
            ("activity_kind", "interview_panel"),
            ("basis", "hour"),
            ("amount", "{marker}"),
            ("hours", "{marker}"),
        ],
    ),
    form(
        "/api/save_payment_settings",
        "/payments/manage",
        Person::Manager,
        &[("service_id", "{service}"), ("advice_contact", "{long}"), ("mileage", "{marker}")],
    ),
    // No answer to "Paid through".
    form(
        "/api/save_payment_details",
        "/payments/manage",
        Person::Manager,
        &[("service_id", "{service}"), ("email", "{marker}"), ("payment_reference", "{marker}")],
    ),
    form(
        "/api/review_payment_item",
        "/payments/manage",
        Person::Manager,
        &[("item", "claim"), ("item_id", "{claim_id}"), ("decision", "query"), ("note", "{long}")],
    ),
    // The feedback form itself: the required first question unanswered, a comment typed.
    Form {
        post_to: Some("/f/{form_slug}"),
        ..form("/f/{slug}", "/f/{form_slug}", Person::Anonymous, &[("q-{comment_question_id}", "{marker}")])
    },
    Form {
        post_to: Some("/f/{form_slug}/enter"),
        ..form("/f/{slug}/enter", "/f/{form_slug}/enter", Person::Manager, &[("q-{comment_question_id}", "{marker}")])
    },
];
