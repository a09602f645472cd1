//! "The service" and its records, seeded once for the tests that walk every route or form: the access matrix
//! and the no-typed-words-in-addresses test. The routes' placeholders (`{activity}`) name these records.

use std::collections::HashMap;

use app::accounts::types::Role;
use reqwest::{header, multipart};

use crate::{form_error, location, new_client, routes::Person, TestApp};

/// A small file that is a PDF as far as the leaflet upload checks.
pub const PDF: &[u8] = b"%PDF-1.4\n% made by the access matrix test\n%%EOF\n";

/// The records of "the service" that the routes' placeholders name, and a client for each person.
pub struct World {
    pub values: HashMap<&'static str, String>,
    /// An activity of the service for each person to delete, in `Person::ALL` order.
    pub own_activities: Vec<String>,
    pub clients: Vec<reqwest::Client>,
}

impl World {
    pub async fn seed(app: &TestApp) -> Self {
        Self::seed_uploading_as(app, None).await
    }

    /// The world with every file in it — the leaflet, the paper and its easy-read version, the shortlisting
    /// pack and the receipt — uploaded under `file_name` when one is given (each under a plain name of its own
    /// when not).
    pub async fn seed_uploading_as(app: &TestApp, file_name: Option<&str>) -> Self {
        let named = |default: &'static str| file_name.unwrap_or(default).to_owned();
        let service = app.add_service("The service").await;
        let other = app.add_service("Another service").await;
        let people: [(&str, Option<(&str, Role)>); 9] = [
            ("patient@example.org", Some((&service, Role::Patient))),
            ("carer@example.org", Some((&service, Role::Carer))),
            ("volunteer@example.org", Some((&service, Role::Volunteer))),
            ("steering@example.org", Some((&service, Role::SteeringMember))),
            ("other-staff@example.org", Some((&other, Role::Staff))),
            ("other-manager@example.org", Some((&other, Role::Manager))),
            ("staff@example.org", Some((&service, Role::Staff))),
            ("manager@example.org", Some((&service, Role::Manager))),
            ("admin@example.org", None),
        ];
        let mut values: HashMap<&'static str, String> = HashMap::new();
        let mut clients = vec![new_client()];
        for (email, role) in people {
            let roles: Vec<(&str, Role)> = role.into_iter().collect();
            let person = app.add_person(email, email, role.is_none(), &roles).await;
            match email {
                "patient@example.org" => values.insert("patient", person.id),
                "admin@example.org" => values.insert("administrator", person.id),
                _ => None,
            };
            clients.push(app.client_signed_in_as(email).await);
        }
        let admin = clients[Person::Administrator.index()].clone();
        let manager = clients[Person::Manager.index()].clone();
        let post = |fields: Vec<(&'static str, String)>, function: &'static str| {
            let admin = admin.clone();
            async move {
                let response = admin
                    .post(app.url(&format!("/api/{function}")))
                    .header(header::ORIGIN, &app.address)
                    .header(header::REFERER, app.url("/"))
                    .form(&fields)
                    .send()
                    .await
                    .expect("POST");
                assert!(response.status().is_redirection(), "{function}: {}", response.status());
                let to = location(&response);
                assert_eq!(form_error(response).await, None, "{function}");
                to
            }
        };

        values.insert("service", service.clone());
        values.insert("activity", app.add_activity(&service, "consultation", "2026-03-02", 6, 1).await);
        let mut own_activities = Vec::new();
        for _ in Person::ALL {
            own_activities.push(app.add_activity(&service, "information", "2026-03-03", 0, 0).await);
        }

        let page = [
            ("page_title", "Matrix page"),
            ("page_summary", "About the service"),
            ("page_body", "What the service offers."),
        ];
        values.extend(page.map(|(k, v)| (k, v.to_owned())));
        let saved = post(
            vec![
                ("page_id", String::new()),
                ("service_id", service.clone()),
                ("title", page[0].1.into()),
                ("summary", page[1].1.into()),
                ("body", page[2].1.into()),
                ("published", "yes".into()),
            ],
            "save_info_page",
        )
        .await;
        let page_slug = saved.trim_start_matches("/info/").to_owned();
        values.insert("page_id", scalar(app, "SELECT id FROM info_page WHERE slug = $1", &[&page_slug]).await);
        values.insert("page_slug", page_slug);

        let day = (app::clock::today_date() + chrono::Duration::days(30)).format("%Y-%m-%d").to_string();
        let event = [
            ("event_title", "Matrix open day".to_owned()),
            ("event_description", "Come and meet the team.".to_owned()),
            ("event_day", day),
            ("event_start", "10:00".to_owned()),
            ("event_end", "13:00".to_owned()),
            ("event_place", "The day service".to_owned()),
            ("event_capacity", "20".to_owned()),
        ];
        values.extend(event.clone());
        // The date's three boxes, as the access matrix posts them too.
        let boxes = app::dates::DateParts::of_iso(&event[2].1);
        values.insert("event_day_day", boxes.day.clone());
        values.insert("event_day_month", boxes.month.clone());
        values.insert("event_day_year", boxes.year.clone());
        let fields = vec![
            ("event_id", String::new()),
            ("service_id", service.clone()),
            ("title", event[0].1.clone()),
            ("description", event[1].1.clone()),
            ("start", event[3].1.clone()),
            ("end", event[4].1.clone()),
            ("place", event[5].1.clone()),
            ("capacity", event[6].1.clone()),
            ("day_day", boxes.day),
            ("day_month", boxes.month),
            ("day_year", boxes.year),
        ];
        let saved = post(fields, "save_event").await;
        let event_slug = saved.trim_start_matches("/events/").to_owned();
        values.insert("event_id", scalar(app, "SELECT id FROM event WHERE slug = $1", &[&event_slug]).await);
        values.insert("event_slug", event_slug);

        let uploaded = admin
            .post(app.url("/api/upload_leaflet"))
            .header(header::ORIGIN, &app.address)
            .header(header::REFERER, app.url("/information/leaflets/new"))
            .multipart(leaflet_form_named(
                &[
                    ("service_id", service.clone()),
                    ("title", "What to expect".into()),
                    ("summary", "Your first weeks".into()),
                ],
                &named("leaflet.pdf"),
            ))
            .send()
            .await
            .expect("upload");
        assert_eq!(form_error(uploaded).await, None, "upload a leaflet");
        values.insert("leaflet_id", scalar(app, "SELECT id FROM leaflet WHERE service_id = $1", &[&service]).await);

        let form = app.open_feedback_form(&manager, &service, "Matrix form", "fft", "anonymous").await;
        let flagged = app
            .submit_feedback(
                &form,
                &[(0, "neither_good_nor_poor"), (1, "honestly i dont think ill be around for the next module")],
            )
            .await;
        assert_eq!(flagged.status(), 200, "a flagged response");
        values.insert("form_id", form.id.to_string());
        values.insert("form_slug", form.slug.clone());
        values.insert("question_id", form.questions[0].id.to_string());
        values.insert("comment_question_id", form.questions[1].id.to_string());
        values.insert("response_id", scalar(app, "SELECT source_id FROM review_flag", &[]).await);
        let spare = app.open_feedback_form(&manager, &service, "Spare form", "fft", "anonymous").await;
        values.insert("spare_form_id", spare.id.into_string());
        // A draft with no questions yet: its page offers to open it, with a last day for answers.
        let draft = app.open_feedback_form(&manager, &service, "Draft form", "blank", "anonymous").await;
        values.insert("draft_form_id", draft.id.into_string());

        post(vec![("service_id", service.clone()), ("name", "Waiting times".into())], "add_theme").await;
        values.insert("theme_id", scalar(app, "SELECT id FROM service_theme WHERE service_id = $1", &[&service]).await);
        post(
            vec![
                ("service_id", service.clone()),
                ("topic", "Evening group pilot".into()),
                ("held_on_day", "14".into()),
                ("held_on_month", "1".into()),
                ("held_on_year", "2026".into()),
                ("participants", "7".into()),
                ("themes", "Evenings suit people in work".into()),
                ("notes", String::new()),
            ],
            "record_focus_group",
        )
        .await;

        // A group of the service with the steering member as its one member (so the matrix's steering member
        // is a member and the other patients are not), a planned meeting a week ahead, and an agenda item.
        post(
            vec![
                ("group_id", String::new()),
                ("service_id", service.clone()),
                ("name", "Matrix steering group".into()),
                ("purpose", "Shapes the service".into()),
                ("terms_of_reference", "## Terms".into()),
                ("quorum_present", "1".into()),
                ("quorum_lived", "0".into()),
                ("papers_due_days", "7".into()),
            ],
            "save_group",
        )
        .await;
        let group_id = scalar(app, "SELECT id FROM participation_group WHERE service_id = $1", &[&service]).await;
        post(
            vec![
                ("group_id", group_id.clone()),
                ("account_email", "steering@example.org".into()),
                ("member_type", "patient".into()),
                ("position", "member".into()),
                ("term_start_day", "1".into()),
                ("term_start_month", "1".into()),
                ("term_start_year", (app::clock::today_date() - chrono::Duration::days(365)).format("%Y").to_string()),
            ],
            "add_group_member",
        )
        .await;
        // Last week's meeting, marked held: attendance is recorded and minutes circulated only once a meeting
        // has been held (tester F4).
        let day = app::clock::today_date() - chrono::Duration::days(7);
        post(
            vec![
                ("group_id", group_id.clone()),
                ("day_day", day.format("%-d").to_string()),
                ("day_month", day.format("%-m").to_string()),
                ("day_year", day.format("%Y").to_string()),
                ("start", "18:00".into()),
                ("end", "19:30".into()),
                ("place", "Room 2".into()),
            ],
            "schedule_meeting",
        )
        .await;
        let meeting_id = scalar(app, "SELECT id FROM group_meeting WHERE group_id = $1", &[&group_id]).await;
        post(vec![("meeting_id", meeting_id.clone()), ("status", "held".into())], "set_meeting_status").await;
        post(
            vec![
                ("meeting_id", meeting_id.clone()),
                ("title", "Matters arising".into()),
                ("lead", "The chair".into()),
                ("minutes_allotted", "10".into()),
            ],
            "add_agenda_item",
        )
        .await;
        // A paper on that item, with its easy-read version; and the steering member's term, for ending one.
        let item_id = scalar(app, "SELECT id FROM agenda_item WHERE meeting_id = $1", &[&meeting_id]).await;
        let upload = |function: &'static str, fields: Vec<(&'static str, String)>, file_field: &'static str| {
            let admin = admin.clone();
            let meeting_id = meeting_id.clone();
            let name = named("paper.pdf");
            async move {
                let mut form = multipart::Form::new();
                for (name, value) in fields {
                    form = form.text(name, value);
                }
                let file = multipart::Part::bytes(PDF.to_vec()).file_name(name).mime_str("application/pdf");
                let response = admin
                    .post(app.url(&format!("/api/{function}")))
                    .header(header::ORIGIN, &app.address)
                    .header(header::REFERER, app.url(&format!("/participation/meetings/{meeting_id}")))
                    .multipart(form.part(file_field, file.expect("mime")))
                    .send()
                    .await
                    .expect("upload");
                assert_eq!(form_error(response).await, None, "{function}");
            }
        };
        upload(
            "upload_paper",
            vec![
                ("meeting_id", meeting_id.clone()),
                ("paper_item_id", item_id.clone()),
                ("paper_title", "Matrix paper".into()),
            ],
            "file",
        )
        .await;
        let paper_id = scalar(app, "SELECT id FROM meeting_paper WHERE item_id = $1", &[&item_id]).await;
        upload(
            "upload_easy_read",
            vec![("meeting_id", meeting_id.clone()), ("paper_id", paper_id.clone())],
            "easy_read",
        )
        .await;
        let member_id = scalar(app, "SELECT id FROM group_member WHERE group_id = $1", &[&group_id]).await;
        values.insert("item_id", item_id);
        values.insert("paper_id", paper_id);
        values.insert("member_id", member_id);
        // Minutes (slice 3): the steering member was present, the draft is circulated for corrections, and an
        // action is theirs; a second meeting's minutes are approved with a public summary published.
        let item_id = scalar(app, "SELECT id FROM agenda_item WHERE meeting_id = $1", &[&meeting_id]).await;
        let member_id =
            scalar(app, "SELECT id FROM group_member WHERE group_id = $1 AND person_id IS NOT NULL", &[&group_id])
                .await;
        let present: &'static str = Box::leak(format!("attendance[m-{member_id}]").into_boxed_str());
        post(vec![("meeting_id", meeting_id.clone()), (present, "present".into())], "record_attendance").await;
        // Then an outside member, whose attendance is not recorded, so the attendance form still has a choice to make.
        post(
            vec![
                ("group_id", group_id.clone()),
                ("member_name", "Dana Fox".into()),
                ("member_type", "stakeholder".into()),
                ("position", "member".into()),
                ("papers_by_post", "yes".into()),
                ("term_start_day", "1".into()),
                ("term_start_month", "1".into()),
                ("term_start_year", (app::clock::today_date() - chrono::Duration::days(365)).format("%Y").to_string()),
            ],
            "add_group_member",
        )
        .await;
        // The papers are sent, so Dana Fox is listed for posting and the posting form is on the meeting page;
        // then Lee Reed joins with an email address, so "Send again" is still offered (the first person allowed
        // in the matrix mails Lee; everyone allowed after is refused calmly as a conflict).
        post(vec![("meeting_id", meeting_id.clone())], "send_papers").await;
        post(
            vec![
                ("group_id", group_id.clone()),
                ("member_name", "Lee Reed".into()),
                ("member_email", "lee@example.org".into()),
                ("member_type", "stakeholder".into()),
                ("position", "member".into()),
                ("term_start_day", "1".into()),
                ("term_start_month", "1".into()),
                ("term_start_year", (app::clock::today_date() - chrono::Duration::days(365)).format("%Y").to_string()),
            ],
            "add_group_member",
        )
        .await;
        let due = day + chrono::Duration::days(14);
        post(
            vec![
                ("meeting_id", meeting_id.clone()),
                ("action_item_id", item_id.clone()),
                ("description", "Ask about evening sessions".into()),
                ("owner", format!("m-{member_id}")),
                ("due_on_day", due.format("%-d").to_string()),
                ("due_on_month", due.format("%-m").to_string()),
                ("due_on_year", due.format("%Y").to_string()),
            ],
            "add_action",
        )
        .await;
        let action_id = scalar(app, "SELECT id FROM group_action WHERE meeting_id = $1", &[&meeting_id]).await;
        // "You said, we did": the world's theme taken up by its action, with no quote.
        post(
            vec![
                ("source", format!("theme-{}", values["theme_id"])),
                ("link", format!("action-{action_id}")),
                ("you_said", "Evening sessions would help people in work".into()),
            ],
            "add_you_said_we_did",
        )
        .await;
        values.insert(
            "outcome_id",
            scalar(app, "SELECT id FROM you_said_we_did WHERE linked_id = $1", &[&action_id]).await,
        );
        values.insert("action_id", action_id);
        post(vec![("meeting_id", meeting_id.clone())], "circulate_minutes").await;
        let later = day + chrono::Duration::days(1);
        post(
            vec![
                ("group_id", group_id.clone()),
                ("day_day", later.format("%-d").to_string()),
                ("day_month", later.format("%-m").to_string()),
                ("day_year", later.format("%Y").to_string()),
                ("start", "18:00".into()),
                ("end", "19:30".into()),
                ("place", "Room 3".into()),
            ],
            "schedule_meeting",
        )
        .await;
        let summary_meeting_id =
            scalar(app, "SELECT id FROM group_meeting WHERE group_id = $1 AND place = 'Room 3'", &[&group_id]).await;
        post(
            vec![
                ("meeting_id", summary_meeting_id.clone()),
                ("title", "Open item".into()),
                ("minutes_allotted", "10".into()),
            ],
            "add_agenda_item",
        )
        .await;
        post(vec![("meeting_id", summary_meeting_id.clone()), ("status", "held".into())], "set_meeting_status").await;
        let open_item = scalar(app, "SELECT id FROM agenda_item WHERE meeting_id = $1", &[&summary_meeting_id]).await;
        let discussion: &'static str = Box::leak(format!("discussion[i-{open_item}]").into_boxed_str());
        post(vec![("meeting_id", summary_meeting_id.clone()), (discussion, "Discussed.".into())], "save_minutes").await;
        post(vec![("meeting_id", summary_meeting_id.clone()), ("approval", "next_meeting".into())], "approve_minutes")
            .await;
        post(vec![("meeting_id", summary_meeting_id.clone()), ("audience", "public".into())], "publish_minutes").await;
        values.insert("item_id", item_id);
        values.insert("summary_meeting_id", summary_meeting_id);
        values.insert("group_id", group_id);
        values.insert("meeting_id", meeting_id);

        // A recruiting volunteer role of the service, and an application to it (made without an account, with
        // words the screener flags) moved on to "checks", so its page has the pipeline's form, the appointment's
        // and the flag's review.
        post(
            vec![
                ("role_id", String::new()),
                ("service_id", service.clone()),
                ("title", "Matrix volunteer".into()),
                ("duties", "Welcome people".into()),
                ("time_asked", "A day a week".into()),
                ("place", "The day room".into()),
                ("support", "Monthly supervision".into()),
                ("expenses", "Travel".into()),
                ("lived_experience", "no".into()),
                ("posts", "2".into()),
                ("role_state", "recruiting".into()),
            ],
            "save_volunteer_role",
        )
        .await;
        let role_id = scalar(app, "SELECT id FROM volunteer_role WHERE service_id = $1", &[&service]).await;
        let role_slug = scalar(app, "SELECT slug FROM volunteer_role WHERE id = $1", &[&role_id]).await;
        post(
            vec![
                ("role_slug", role_slug.clone()),
                ("name", "Matrix Applicant".into()),
                ("email", "applicant@example.org".into()),
                ("taking_part_as", "patient".into()),
                ("why", "honestly i dont think ill be around much longer so i want to help while i can".into()),
                ("availability", "Mondays".into()),
                ("referee1_name", "One".into()),
                ("referee1_contact", "one@example.org".into()),
                ("referee2_name", "Two".into()),
                ("referee2_contact", "two@example.org".into()),
                ("consent", "yes".into()),
            ],
            "apply_for_role",
        )
        .await;
        let application_id = scalar(app, "SELECT id FROM volunteer_application WHERE role_id = $1", &[&role_id]).await;
        for stage in ["shortlisted", "interview", "offered", "checks"] {
            post(
                vec![("application_id", application_id.clone()), ("stage", stage.into()), ("note", String::new())],
                "move_application",
            )
            .await;
        }
        // References, checks and the volunteer's own page (issue 16 §4–§6): the referees of that application
        // asked (so a reference can be replaced), a DBS check in the service's list, and the world's volunteer
        // appointed to the role from an application of their own (so `/volunteering` has their role, active:
        // the role needs no checks).
        post(vec![("application_id", application_id.clone())], "request_references").await;
        let reference_id = scalar(
            app,
            "SELECT id FROM volunteer_reference WHERE application_id = $1 ORDER BY referee_name",
            &[&application_id],
        )
        .await;
        post(
            vec![
                ("service_id", service.clone()),
                ("category", "dbs".into()),
                ("check_name", "DBS check".into()),
                ("valid_months", String::new()),
                ("dbs_level", "enhanced".into()),
            ],
            "add_volunteer_check",
        )
        .await;
        let check_kind_id = scalar(app, "SELECT id FROM volunteer_check_kind WHERE service_id = $1", &[&service]).await;
        post(
            vec![
                ("role_slug", role_slug.clone()),
                ("name", "Matrix Volunteer".into()),
                ("email", "volunteer@example.org".into()),
                ("taking_part_as", "patient".into()),
                ("why", "To help".into()),
                ("availability", "Fridays".into()),
                ("referee1_name", "Three".into()),
                ("referee1_contact", "three@example.org".into()),
                ("referee2_name", "Four".into()),
                ("referee2_contact", "four@example.org".into()),
                ("consent", "yes".into()),
            ],
            "apply_for_role",
        )
        .await;
        let own_application =
            scalar(app, "SELECT id FROM volunteer_application WHERE email = $1", &["volunteer@example.org"]).await;
        for stage in ["shortlisted", "interview", "offered", "checks"] {
            post(
                vec![("application_id", own_application.clone()), ("stage", stage.into()), ("note", String::new())],
                "move_application",
            )
            .await;
        }
        let today = app::clock::today_date().format("%Y-%m-%d").to_string();
        post(
            vec![
                ("application_id", own_application.clone()),
                ("starts_on_day", today[8..10].to_owned()),
                ("starts_on_month", today[5..7].to_owned()),
                ("starts_on_year", today[..4].to_owned()),
            ],
            "appoint_volunteer",
        )
        .await;
        let appointment_id =
            scalar(app, "SELECT id FROM volunteer_appointment WHERE application_id = $1", &[&own_application]).await;
        values.insert("reference_id", reference_id);
        values.insert("check_kind_id", check_kind_id);
        values.insert("appointment_id", appointment_id);
        values.insert("role_id", role_id);
        values.insert("role_slug", role_slug);
        values.insert("application_id", application_id);

        // Hours and courses: the world's volunteer appointed to a lived-experience role (applying with their
        // account's email), with an entry of hours waiting for approval, and a course with a session they
        // co-facilitated.
        post(
            vec![
                ("role_id", String::new()),
                ("service_id", service.clone()),
                ("title", "Matrix co-facilitator".into()),
                ("duties", "Co-facilitate sessions".into()),
                ("time_asked", "A session a week".into()),
                ("place", "The day room".into()),
                ("support", "Monthly supervision".into()),
                ("expenses", "Travel".into()),
                ("lived_experience", "yes".into()),
                ("posts", "2".into()),
                ("role_state", "recruiting".into()),
            ],
            "save_volunteer_role",
        )
        .await;
        let peer_role = scalar(app, "SELECT id FROM volunteer_role WHERE title = 'Matrix co-facilitator'", &[]).await;
        let peer_slug = scalar(app, "SELECT slug FROM volunteer_role WHERE id = $1", &[&peer_role]).await;
        post(
            vec![
                ("role_slug", peer_slug),
                ("name", "Matrix Volunteer".into()),
                ("email", "volunteer@example.org".into()),
                ("taking_part_as", "patient".into()),
                ("why", "To help".into()),
                ("availability", "Mondays".into()),
                ("referee1_name", "One".into()),
                ("referee1_contact", "one@example.org".into()),
                ("referee2_name", "Two".into()),
                ("referee2_contact", "two@example.org".into()),
                ("consent", "yes".into()),
            ],
            "apply_for_role",
        )
        .await;
        let peer_application =
            scalar(app, "SELECT id FROM volunteer_application WHERE role_id = $1", &[&peer_role]).await;
        for stage in ["shortlisted", "interview", "offered", "checks"] {
            post(
                vec![("application_id", peer_application.clone()), ("stage", stage.into()), ("note", String::new())],
                "move_application",
            )
            .await;
        }
        let today = app::clock::today();
        post(
            vec![
                ("application_id", peer_application.clone()),
                ("starts_on_day", today[8..10].to_owned()),
                ("starts_on_month", today[5..7].to_owned()),
                ("starts_on_year", today[..4].to_owned()),
            ],
            "appoint_volunteer",
        )
        .await;
        let appointment_id =
            scalar(app, "SELECT id FROM volunteer_appointment WHERE application_id = $1", &[&peer_application]).await;
        let volunteer = clients[Person::Volunteer.index()].clone();
        let logged = volunteer
            .post(app.url("/api/log_hours"))
            .header(header::ORIGIN, &app.address)
            .header(header::REFERER, app.url("/inclusion/hours"))
            .form(&[
                ("appointment_id", appointment_id.as_str()),
                ("worked_on_day", &today[8..10]),
                ("worked_on_month", &today[5..7]),
                ("worked_on_year", &today[..4]),
                ("hours", "1.5"),
                ("what", "Welcomed people"),
            ])
            .send()
            .await
            .expect("log hours");
        assert_eq!(logged.status(), 303, "the world's hours: {:?}", form_error(logged).await);
        let hours_id =
            scalar(app, "SELECT id FROM volunteer_hours WHERE appointment_id = $1", &[&appointment_id]).await;
        post(vec![("service_id", service.clone()), ("title", "Matrix course".into())], "save_course").await;
        let course_id = scalar(app, "SELECT id FROM course WHERE service_id = $1", &[&service]).await;
        post(
            vec![
                ("course_id", course_id.clone()),
                ("held_on_day", today[8..10].to_owned()),
                ("held_on_month", today[5..7].to_owned()),
                ("held_on_year", today[..4].to_owned()),
                ("start", "00:00".into()),
                ("end", "00:30".into()),
                ("place", "The day room".into()),
                ("staff_facilitators", "Ruth Adeyemi".into()),
                ("co_facilitator", appointment_id.clone()),
            ],
            "record_session",
        )
        .await;
        let session_id = scalar(app, "SELECT id FROM course_session WHERE course_id = $1", &[&course_id]).await;
        // A session planned for next week with the volunteer, for the form that marks one held.
        let next_week = (app::clock::today_date() + chrono::Duration::days(7)).format("%Y-%m-%d").to_string();
        post(
            vec![
                ("course_id", course_id.clone()),
                ("when", "planned".into()),
                ("held_on_day", next_week[8..10].to_owned()),
                ("held_on_month", next_week[5..7].to_owned()),
                ("held_on_year", next_week[..4].to_owned()),
                ("start", "10:00".into()),
                ("end", "11:00".into()),
                ("place", "The day room".into()),
                ("staff_facilitators", "Ruth Adeyemi".into()),
                ("co_facilitator", appointment_id.clone()),
            ],
            "record_session",
        )
        .await;
        values.insert("hours_appointment_id", appointment_id);
        values.insert("hours_id", hours_id);
        values.insert("course_id", course_id);
        values.insert("session_id", session_id);
        // Partnership: the volunteer is a trained panel member who may chair, has agreed and declared none (so
        // sees packs and scores); the steering member is an untrained member of the same panel (who sees only
        // the prerequisites). The panel has a criterion and a candidate with a pack.
        post(
            vec![
                ("service_id", service.clone()),
                ("email", "volunteer@example.org".into()),
                ("sits", "patient".into()),
                ("access_needs", String::new()),
            ],
            "add_to_panel_pool",
        )
        .await;
        post(
            vec![
                ("service_id", service.clone()),
                ("email", "steering@example.org".into()),
                ("sits", "carer".into()),
                ("access_needs", String::new()),
            ],
            "add_to_panel_pool",
        )
        .await;
        let pool_member_id = scalar(
            app,
            "SELECT m.id FROM panel_pool_member m JOIN person p ON p.id = m.person_id WHERE p.email = $1",
            &["volunteer@example.org"],
        )
        .await;
        let steering_pool_id = scalar(
            app,
            "SELECT m.id FROM panel_pool_member m JOIN person p ON p.id = m.person_id WHERE p.email = $1",
            &["steering@example.org"],
        )
        .await;
        let mut training = vec![("pool_member_id", pool_member_id.clone()), ("may_chair", "yes".into())];
        for (name, value) in [("trained_on", "2026-01-10"), ("shadowed_on", "2026-02-10")] {
            let boxes = app::dates::DateParts::of_iso(value);
            let (d, m, y): (&'static str, &'static str, &'static str) = match name {
                "trained_on" => ("trained_on_day", "trained_on_month", "trained_on_year"),
                _ => ("shadowed_on_day", "shadowed_on_month", "shadowed_on_year"),
            };
            training.extend([(d, boxes.day), (m, boxes.month), (y, boxes.year)]);
        }
        post(training, "record_panel_training").await;
        // Sitting today from midnight: the panel has started, so its scoring forms are on its page.
        let panel_day = app::clock::today_date().format("%Y-%m-%d").to_string();
        let sits = app::dates::DateParts::of_iso(&panel_day);
        let made = post(
            vec![
                ("service_id", service.clone()),
                ("post_kind", "staff_post".into()),
                ("post_title", "Matrix psychologist".into()),
                ("volunteer_role_id", String::new()),
                ("sits_on_day", sits.day),
                ("sits_on_month", sits.month),
                ("sits_on_year", sits.year),
                ("sits_at", "00:00".into()),
                ("place", "Room 1".into()),
            ],
            "create_panel",
        )
        .await;
        let panel_id = made.trim_start_matches("/partnership/panels/").to_owned();
        let mut criterion =
            vec![("panel_id", panel_id.clone()), ("name", "Values".to_owned()), ("minimum", "2".to_owned())];
        for (n, field) in ["means_0", "means_1", "means_2", "means_3", "means_4"].into_iter().enumerate() {
            criterion.push((field, format!("Score {n}")));
        }
        post(criterion, "add_panel_criterion").await;
        let criterion_id = scalar(app, "SELECT id FROM panel_criterion WHERE panel_id = $1", &[&panel_id]).await;
        post(
            vec![("panel_id", panel_id.clone()), ("pool_member_id", pool_member_id.clone()), ("chair", "yes".into())],
            "add_panel_member",
        )
        .await;
        post(
            vec![("panel_id", panel_id.clone()), ("pool_member_id", steering_pool_id), ("chair", "no".into())],
            "add_panel_member",
        )
        .await;
        let added = admin
            .post(app.url("/api/add_panel_candidate"))
            .header(header::ORIGIN, &app.address)
            .header(header::REFERER, app.url(&format!("/partnership/panels/{panel_id}")))
            .multipart(leaflet_form_named(
                &[
                    ("panel_id", panel_id.clone()),
                    ("candidate_name", "Matrix Candidate".into()),
                    ("removed", "yes".into()),
                ],
                &named("pack.pdf"),
            ))
            .send()
            .await
            .expect("POST");
        assert!(added.status().is_redirection(), "add_panel_candidate: {}", added.status());
        let candidate_id = scalar(app, "SELECT id FROM panel_candidate WHERE panel_id = $1", &[&panel_id]).await;
        let volunteer = clients[Person::Volunteer.index()].clone();
        for (function, fields) in [
            ("agree_panel_confidentiality", vec![("panel_id", panel_id.clone()), ("agree", "yes".to_owned())]),
            ("declare_panel_interest", vec![("panel_id", panel_id.clone()), ("interest", "none".to_owned())]),
        ] {
            let response = volunteer
                .post(app.url(&format!("/api/{function}")))
                .header(header::ORIGIN, &app.address)
                .header(header::REFERER, app.url("/"))
                .form(&fields)
                .send()
                .await
                .expect("POST");
            assert!(response.status().is_redirection(), "{function}: {}", response.status());
        }
        values.insert("pool_member_id", pool_member_id);
        values.insert("panel_id", panel_id);
        values.insert("criterion_id", criterion_id);
        values.insert("candidate_id", candidate_id);

        // Involvement payments: the service pays "other" activities £10.00 a session and public transport by
        // receipt; the volunteer took part in one (as the ledger records) and has an offer, and claimed a bus
        // fare with a receipt.
        post(
            vec![
                ("service_id", service.clone()),
                ("activity_kind", "other".into()),
                ("basis", "session".into()),
                ("amount", "10.00".into()),
                ("hours", String::new()),
            ],
            "save_payment_rate",
        )
        .await;
        post(
            vec![
                ("service_id", service.clone()),
                ("advice_contact", "https://advice.example.org".into()),
                ("mileage", String::new()),
                ("public_transport", "yes".into()),
            ],
            "save_payment_settings",
        )
        .await;
        let took_part_on = (app::clock::today_date() - chrono::Duration::days(2)).format("%Y-%m-%d").to_string();
        let activity = app.add_activity(&service, "participation", &took_part_on, 1, 0).await;
        let volunteer_id = scalar(app, "SELECT id FROM person WHERE email = $1", &["volunteer@example.org"]).await;
        sqlx::query(
            "INSERT INTO activity_participant (id, activity_id, person_id, name, taking_part_as, lived_experience)
             VALUES ($1, $2, $3, 'Volunteer', 'patient', 1)",
        )
        .bind(app::db::new_id())
        .bind(&activity)
        .bind(&volunteer_id)
        .execute(&app.pool)
        .await
        .expect("a participant");
        app.clock
            .clone()
            .scope(app::partnership::payments::server::make_offers(
                &app.pool,
                &app.address.parse::<url::Url>().expect("a base URL"),
            ))
            .await
            .expect("offers");
        let offer_id = scalar(app, "SELECT id FROM payment_offer WHERE person_id = $1", &[&volunteer_id]).await;
        let fare = app::dates::DateParts::of_iso(&took_part_on);
        let mut claim = multipart::Form::new();
        for (name, value) in [
            ("service_id", service.clone()),
            ("kind", "public_transport".into()),
            ("incurred_on_day", fare.day),
            ("incurred_on_month", fare.month),
            ("incurred_on_year", fare.year),
            ("description", "Bus".into()),
            ("amount", "2.00".into()),
        ] {
            claim = claim.text(name, value);
        }
        let claim = claim.part("receipt", multipart::Part::bytes(PDF.to_vec()).file_name(named("bus.pdf")));
        let claimed = volunteer
            .post(app.url("/api/claim_expense"))
            .header(header::ORIGIN, &app.address)
            .header(header::REFERER, app.url("/payments"))
            .multipart(claim)
            .send()
            .await
            .expect("POST");
        assert!(claimed.status().is_redirection(), "claim_expense: {}", claimed.status());
        let claim_id = scalar(app, "SELECT id FROM expense_claim WHERE person_id = $1", &[&volunteer_id]).await;
        values.insert("offer_id", offer_id);
        values.insert("claim_id", claim_id);

        Self { values, own_activities, clients }
    }

    /// The placeholders' values for `person`.
    pub fn values_for(&self, person: Person) -> HashMap<&str, String> {
        let mut values = self.values.clone();
        values.insert("own_activity", self.own_activities[person.index()].clone());
        values
    }
}

/// The one text value `sql` finds, with `binds` bound to `$1`, `$2`...
pub async fn scalar(app: &TestApp, sql: &str, binds: &[&str]) -> String {
    let mut query = sqlx::query_scalar::<_, String>(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

pub fn leaflet_form(fields: &[(&'static str, String)]) -> multipart::Form {
    leaflet_form_named(fields, "leaflet.pdf")
}

/// `fields` and a PDF in `file` named `file_name`.
pub fn leaflet_form_named(fields: &[(&'static str, String)], file_name: &str) -> multipart::Form {
    let mut form = multipart::Form::new();
    for (name, value) in fields {
        form = form.text(*name, value.clone());
    }
    let file =
        multipart::Part::bytes(PDF.to_vec()).file_name(file_name.to_owned()).mime_str("application/pdf").expect("mime");
    form.part("file", file)
}
