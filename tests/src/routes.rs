//! Every address Continuum answers, and what each kind of person should get from each: the access matrix.
//!
//! The routes themselves are generated from the server (`served_routes`): the Leptos pages from the same route
//! list the router is built from, the server functions from the server_fn registry, and the plain routes from
//! `continuum::startup::plain_routes`. `ROUTES` is written by hand from what the product should do; a route
//! served but missing from it, or a row naming a route no longer served, fails the access matrix test. A new
//! route therefore needs a row here, and the forms list of the no-typed-words-in-addresses test can walk the
//! same rows.
//!
//! A request is written with placeholders (`{activity}`) that the test fills with records it seeded in "the
//! service"; `{own_activity}` is a record of its own for each person, for calls that delete what they name.

use std::{collections::HashMap, fmt};

use app::error::AppError;
use reqwest::{Response, StatusCode};

use crate::{error_in_location, location};

/// What a request came to, as far as access goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The access checks passed: the page or file came back, the call succeeded, or it was refused only for
    /// what was sent (a validation error or a conflict).
    Allowed,
    /// Refused as not signed in: sent to sign in first.
    Unauthenticated,
    /// Refused as forbidden.
    Forbidden,
    /// Not found: for someone from another service, a record of this service does not exist.
    NotFound,
}

impl Outcome {
    fn from_letter(letter: char) -> Self {
        match letter {
            'A' => Self::Allowed,
            'U' => Self::Unauthenticated,
            'F' => Self::Forbidden,
            'N' => Self::NotFound,
            other => panic!("an access pattern uses A, U, F and N, not {other:?}"),
        }
    }
}

/// The kinds of person the matrix asks as, in the order of an `Access` pattern's letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Person {
    Anonymous,
    Patient,
    Carer,
    Volunteer,
    SteeringMember,
    /// Staff of another service.
    OtherStaff,
    /// The manager of another service.
    OtherManager,
    /// Staff of the service the records belong to.
    Staff,
    /// The manager of the service the records belong to.
    Manager,
    Administrator,
}

impl Person {
    pub const ALL: [Person; 10] = [
        Person::Anonymous,
        Person::Patient,
        Person::Carer,
        Person::Volunteer,
        Person::SteeringMember,
        Person::OtherStaff,
        Person::OtherManager,
        Person::Staff,
        Person::Manager,
        Person::Administrator,
    ];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or_default()
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Person::Anonymous => "anonymous",
            Person::Patient => "patient",
            Person::Carer => "carer",
            Person::Volunteer => "volunteer",
            Person::SteeringMember => "steering member",
            Person::OtherStaff => "staff of another service",
            Person::OtherManager => "manager of another service",
            Person::Staff => "staff of the service",
            Person::Manager => "manager of the service",
            Person::Administrator => "administrator",
        })
    }
}

/// The expected outcome for each person, as one letter each in `Person::ALL` order (spaces are ignored):
/// anonymous | patient, carer, volunteer, steering member | another service's staff, manager | the service's
/// staff, manager | administrator. `A` allowed, `U` not signed in, `F` forbidden, `N` not found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access(pub &'static str);

impl Access {
    pub fn outcome_for(self, person: Person) -> Outcome {
        let letters: Vec<char> = self.0.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(letters.len(), Person::ALL.len(), "the access pattern {:?} needs one letter per person", self.0);
        Outcome::from_letter(letters[person.index()])
    }
}

/// Open to everyone, signed in or not.
pub const PUBLIC: Access = Access("A AAAA AA AA A");
/// Anyone signed in.
pub const SIGNED_IN: Access = Access("U AAAA AA AA A");
/// Administrators only.
pub const ADMIN: Access = Access("U FFFF FF FF A");
/// Staff and managers of any service (each sees their own services), and administrators.
pub const KEEPER: Access = Access("U FFFF AA AA A");
/// A record of the service: its staff and managers and administrators; to another service it does not exist.
pub const RECORD: Access = Access("U FFFF NN AA A");
/// A form's aggregate results: the staff and managers of its service (with the comments and the download), and
/// the current members of its service's groups (the steering member is one in the world), the figures only
/// (issue 15 §7). Another service's staff find nothing; the CSV of responses stays `RECORD`.
pub const RESULTS: Access = Access("U FFFA NN AA A");
/// An action on the service named in the request: another service's staff are refused. A service is not a
/// secret (Get involved names them all), and an unknown service is refused the same way, so "forbidden"
/// tells them nothing.
pub const SERVICE: Access = Access("U FFFF FF AA A");
/// Managers of the service and administrators.
pub const MANAGER: Access = Access("U FFFF FF FA A");
/// Whoever sees some service's continuum profile: its staff, managers and steering group members.
pub const PROFILE: Access = Access("U FFFA AA AA A");
/// The continuum profile of the service named in the request.
pub const PROFILE_OF_SERVICE: Access = Access("U FFFA FF AA A");
/// Whoever may open some service's involvement report: its managers and steering group members (staff who
/// do not manage it are refused, as patients are), and administrators.
pub const INVOLVEMENT: Access = Access("U FFFA FA FA A");
/// The involvement report of the service named in the request: to another service's manager it does not exist.
pub const INVOLVEMENT_OF_SERVICE: Access = Access("U FFFA FN FA A");
/// The Friends and Family Test monthly return of the service named in the request (not suppressed): its
/// managers and administrators only; a steering member is refused, another service's manager finds nothing.
pub const FFT_RETURN: Access = Access("U FFFF FN FA A");
/// Managers of any service (each for themselves) and administrators.
pub const MANAGER_ANYWHERE: Access = Access("U FFFF FA FA A");
/// A group's business (its page, its meetings): its current members (the steering member is one in the
/// world) and the staff of its service. Staff of another service are refused like patients who are not members.
pub const GROUP: Access = Access("U FFFA FF AA A");
/// A correction to circulated minutes: only the members present at the meeting (the steering member in the
/// world), not staff who were not there.
pub const PRESENT_MEMBER: Access = Access("U FFFA FF FF F");
/// A "you said, we did" item's quote: approved by a manager of its service (or an administrator); its staff
/// are refused, and to another service the item does not exist.
pub const QUOTE_APPROVER: Access = Access("U FFFF NN FA A");
/// A panel (its page): the service's staff who organise it, and its members — the volunteer (trained, agreed,
/// declared: the chair) and the steering member (not trained) in the world. Everyone else is told it does not
/// exist, as for an unknown id.
pub const PANEL: Access = Access("U NNAA NN AA A");
/// A panel's outcome, and closing scoring: organisers, and members whose training, agreement and declaration are
/// recorded (the volunteer, who chairs); the untrained steering member is refused. (Closing is for the chair
/// among members, and for the service's staff, so that a chair's declared interest never stops a panel.)
pub const PANEL_READY: Access = Access("U NNAF NN AA A");
/// A candidate's pack: only members whose training, agreement and declaration are recorded (the volunteer);
/// the untrained steering member and the service's staff who do not sit on the panel are refused.
pub const PANEL_PACK: Access = Access("U NNAF NN FF F");
/// A member's own prerequisites: the panel's members only (organisers who do not sit on it are refused).
pub const PANEL_MEMBER: Access = Access("U NNAA NN FF F");
/// Scoring: a ready member (the volunteer, who chairs) only.
pub const PANEL_SCORER: Access = Access("U NNAF NN FF F");
/// Involvement payments' management page and reads: managers of any service (each sees their own services).
pub const PAYMENTS_MANAGER: Access = Access("U FFFF FA FA A");
/// A person's own offer (the volunteer's in the world): nobody else, the service's managers included, may
/// answer it, and to everyone else it does not exist.
pub const OWN_OFFER: Access = Access("U NNAN NN NN N");
/// A person's own expense claim (the volunteer's in the world), to withdraw: nobody else, the service's managers
/// included, and to everyone else it does not exist.
pub const OWN_CLAIM: Access = Access("U NNAN NN NN N");
/// A person's own expense claim's receipt (the volunteer's in the world) and its service's managers; to
/// another service's staff it does not exist.
pub const OWN_RECEIPT: Access = Access("U FFAF NN FA A");
/// Reviewing an offer or a claim: the service's managers; to another service's staff it does not exist.
pub const PAYMENT_REVIEW: Access = Access("U FFFF NN FA A");
/// A one-time link: the token is the credential, and an unknown one is not found, whoever asks.
pub const UNKNOWN_LINK: Access = Access("N NNNN NN NN N");
/// A volunteer's own record (the world's volunteer's appointment): theirs alone; to anyone else, staff and
/// administrators too, it does not exist (staff use the appointment's own page).
pub const OWN_RECORD: Access = Access("U NNAN NN NN N");
/// A volunteer's own hours: the volunteer they are for (the world's volunteer) and the service's staff; to
/// anyone else they do not exist.
pub const OWN_HOURS: Access = Access("U NNAN NN AA A");
/// A session co-facilitated by the world's volunteer: only they log hours from it.
pub const CO_FACILITATOR: Access = Access("U NNAN NN NN N");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verb {
    Get,
    Post,
}

impl fmt::Display for Verb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
        })
    }
}

/// How the matrix exercises a route. Arguments are harmless (they change nothing another person would see)
/// or deliberately invalid, so that an allowed call is recognisable: a validation error means the access
/// checks passed.
#[derive(Clone, Copy, Debug)]
pub enum Request {
    /// GET this address.
    Visit(&'static str),
    /// POST these fields, form-encoded, to the route's own address (a server function).
    Form(&'static [(&'static str, &'static str)]),
    /// POST these fields, form-encoded, to this address (a plain route with parameters).
    FormTo(&'static str, &'static [(&'static str, &'static str)]),
    /// POST these fields and a small PDF named `leaflet.pdf` in the field `file`, as multipart.
    Upload(&'static [(&'static str, &'static str)]),
}

/// One route, what each person should get from it, and how to ask.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub verb: Verb,
    /// The path as the router names it: `/ledger/{id}`, `/api/record_activity`.
    pub path: &'static str,
    pub access: Access,
    pub request: Request,
    /// Asked after every other route: the request ends the asker's session.
    pub ends_session: bool,
}

const fn page(path: &'static str, access: Access, address: &'static str) -> Row {
    Row { verb: Verb::Get, path, access, request: Request::Visit(address), ends_session: false }
}

const fn call(path: &'static str, access: Access, fields: &'static [(&'static str, &'static str)]) -> Row {
    Row { verb: Verb::Post, path, access, request: Request::Form(fields), ends_session: false }
}

/// Every route Continuum serves, with what each person should get.
pub const ROUTES: &[Row] = &[
    // ---- pages ------------------------------------------------------------------------------------------
    page("/", PUBLIC, "/"),
    page("/accessibility", PUBLIC, "/accessibility"),
    page("/privacy", PUBLIC, "/privacy"),
    page("/contact", PUBLIC, "/contact"),
    page("/sign-in", PUBLIC, "/sign-in"),
    page("/sign-out", PUBLIC, "/sign-out"),
    page("/forgot-password", PUBLIC, "/forgot-password"),
    // A link page with an unknown token says so on a page of its own (200), rather than as a 404: the person
    // followed a link we sent, and is told what to do next. The server functions behind it answer not found.
    page("/reset-password", PUBLIC, "/reset-password?token=no-such-token"),
    page("/invitation", PUBLIC, "/invitation?token=no-such-token"),
    page("/account", SIGNED_IN, "/account"),
    page("/admin/services", ADMIN, "/admin/services"),
    page("/admin/people", ADMIN, "/admin/people"),
    page("/admin/people/{id}", ADMIN, "/admin/people/{patient}"),
    page("/ledger", KEEPER, "/ledger"),
    page("/ledger/new", KEEPER, "/ledger/new"),
    page("/ledger/{id}", RECORD, "/ledger/{activity}"),
    page("/ledger/{id}/edit", RECORD, "/ledger/{activity}/edit"),
    page("/reports/continuum-profile", PROFILE, "/reports/continuum-profile"),
    page("/reports/involvement", INVOLVEMENT, "/reports/involvement"),
    page("/get-involved", PUBLIC, "/get-involved"),
    page("/info/{slug}", PUBLIC, "/info/{page_slug}"),
    // As the other link pages: an unknown token is explained on the page.
    page("/events/cancel", PUBLIC, "/events/cancel?token=no-such-token"),
    page("/events/{slug}", PUBLIC, "/events/{event_slug}"),
    page("/posters/{kind}/{slug}", PUBLIC, "/posters/f/{form_slug}"),
    page("/information", KEEPER, "/information"),
    page("/information/pages/new", KEEPER, "/information/pages/new"),
    page("/information/pages/{id}/edit", RECORD, "/information/pages/{page_id}/edit"),
    page("/information/events/new", KEEPER, "/information/events/new"),
    page("/information/events/{slug}", RECORD, "/information/events/{event_slug}"),
    page("/information/events/{slug}/edit", RECORD, "/information/events/{event_slug}/edit"),
    page("/information/leaflets/new", KEEPER, "/information/leaflets/new"),
    page("/consultation", KEEPER, "/consultation"),
    page("/consultation/forms/new", KEEPER, "/consultation/forms/new"),
    page("/consultation/forms/{id}", RECORD, "/consultation/forms/{form_id}"),
    page("/consultation/forms/{id}/preview", RECORD, "/consultation/forms/{form_id}/preview"),
    page("/consultation/forms/{id}/results", RESULTS, "/consultation/forms/{form_id}/results"),
    page("/consultation/review", KEEPER, "/consultation/review"),
    page("/consultation/responses/{id}", RECORD, "/consultation/responses/{response_id}"),
    page(
        "/consultation/review/flags/{kind}/{id}",
        RECORD,
        "/consultation/review/flags/volunteer_application/{application_id}",
    ),
    page("/consultation/settings", KEEPER, "/consultation/settings"),
    page("/consultation/focus-groups", KEEPER, "/consultation/focus-groups"),
    page("/participation", SIGNED_IN, "/participation"),
    page("/participation/groups/{id}", GROUP, "/participation/groups/{group_id}"),
    page("/participation/meetings/{id}", GROUP, "/participation/meetings/{meeting_id}"),
    page("/volunteer", PUBLIC, "/volunteer"),
    // As the other link pages: an unknown key is explained on the page.
    page("/volunteer/application", PUBLIC, "/volunteer/application?token=no-such-token"),
    page("/volunteer/application/confirm", PUBLIC, "/volunteer/application/confirm?key=no-such-key"),
    page("/volunteer/{slug}", PUBLIC, "/volunteer/{role_slug}"),
    page("/inclusion", KEEPER, "/inclusion"),
    page("/inclusion/roles/{id}", RECORD, "/inclusion/roles/{role_id}"),
    page("/inclusion/applications", KEEPER, "/inclusion/applications"),
    page("/inclusion/applications/{id}", RECORD, "/inclusion/applications/{application_id}"),
    // References, checks and the volunteer's own page (issue 16 §4–§6).
    page("/volunteer/reference", PUBLIC, "/volunteer/reference?key=no-such-key"),
    page("/volunteering", SIGNED_IN, "/volunteering"),
    page("/inclusion/checks", KEEPER, "/inclusion/checks"),
    page("/inclusion/appointments/{id}", RECORD, "/inclusion/appointments/{appointment_id}"),
    // Hours and courses (slice 2).
    page("/inclusion/hours", SIGNED_IN, "/inclusion/hours"),
    page("/inclusion/hours/{id}", OWN_HOURS, "/inclusion/hours/{hours_id}"),
    page("/inclusion/hours.csv", RECORD, "/inclusion/hours.csv?service={service}"),
    page("/inclusion/courses", KEEPER, "/inclusion/courses"),
    page("/inclusion/courses/{id}", RECORD, "/inclusion/courses/{course_id}"),
    page("/partnership", SIGNED_IN, "/partnership"),
    page("/partnership/panels/{id}", PANEL, "/partnership/panels/{panel_id}"),
    page("/partnership/packs/{id}/{name}", PANEL_PACK, "/partnership/packs/{candidate_id}/pack.pdf"),
    // Involvement payments (partnership §7).
    page("/payments", SIGNED_IN, "/payments"),
    page("/payments/manage", PAYMENTS_MANAGER, "/payments/manage"),
    page("/payments/receipts/{id}/{name}", OWN_RECEIPT, "/payments/receipts/{claim_id}/receipt"),
    page("/payments/export/{service}", MANAGER, "/payments/export/{service}"),
    // ---- plain routes: participation's papers and calendar files (the world's paper is on an open item; the
    // confidential case, observers refused, is in participation_papers.rs).
    page("/participation/papers/{id}/{name}", GROUP, "/participation/papers/{paper_id}/paper.pdf"),
    page("/participation/papers/{id}/easy-read/{name}", GROUP, "/participation/papers/{paper_id}/easy-read/paper.pdf"),
    page("/participation/meetings/{id}/meeting.ics", GROUP, "/participation/meetings/{meeting_id}/meeting.ics"),
    page("/participation/meetings/{id}/minutes", GROUP, "/participation/meetings/{meeting_id}/minutes"),
    page("/participation/summaries/{id}", PUBLIC, "/participation/summaries/{summary_meeting_id}"),
    page("/participation/my-actions", SIGNED_IN, "/participation/my-actions"),
    page("/participation/actions/{id}", GROUP, "/participation/actions/{action_id}"),
    // "You said, we did": staff's pages, and the public board of every service and of the world's service.
    page("/participation/you-said-we-did", KEEPER, "/participation/you-said-we-did"),
    page("/participation/you-said-we-did/{id}", RECORD, "/participation/you-said-we-did/{outcome_id}"),
    page("/you-said-we-did", PUBLIC, "/you-said-we-did"),
    page("/you-said-we-did/{slug}", PUBLIC, "/you-said-we-did/the-service"),
    // ---- plain routes -----------------------------------------------------------------------------------
    page("/healthz", PUBLIC, "/healthz"),
    page("/readyz", PUBLIC, "/readyz"),
    page("/reports/continuum-profile.csv", PROFILE_OF_SERVICE, "/reports/continuum-profile.csv?service_id={service}"),
    page(
        "/reports/involvement.csv",
        INVOLVEMENT_OF_SERVICE,
        "/reports/involvement.csv?service_id={service}&table=levels",
    ),
    page("/reports/involvement.pdf", INVOLVEMENT_OF_SERVICE, "/reports/involvement.pdf?service_id={service}"),
    // Managers only: a steering member of the service is refused; to another service's manager it does not exist.
    page("/reports/fft-return.csv", FFT_RETURN, "/reports/fft-return.csv?service_id={service}"),
    page("/consultation/forms/{id}/responses.csv", RECORD, "/consultation/forms/{form_id}/responses.csv"),
    page("/leaflets/{id}/{name}", PUBLIC, "/leaflets/{leaflet_id}/leaflet.pdf"),
    page("/f/{slug}", PUBLIC, "/f/{form_slug}"),
    // Nothing answered: the form comes back with its messages.
    Row {
        verb: Verb::Post,
        path: "/f/{slug}",
        access: PUBLIC,
        request: Request::FormTo("/f/{form_slug}", &[]),
        ends_session: false,
    },
    // The thank-you page a sent response is redirected to: the same for everyone, signed in or not.
    page("/f/{slug}/thanks", PUBLIC, "/f/{form_slug}/thanks"),
    // Staff entry of a paper response. To anyone but the service's staff the form is not found, patients
    // included: 404 rather than 403, which tells a patient no more and is as right.
    page("/f/{slug}/enter", Access("U NNNN NN AA A"), "/f/{form_slug}/enter"),
    Row {
        verb: Verb::Post,
        path: "/f/{slug}/enter",
        access: Access("U NNNN NN AA A"),
        request: Request::FormTo("/f/{form_slug}/enter", &[]),
        ends_session: false,
    },
    // ---- server functions: accounts ---------------------------------------------------------------------
    call("/api/sign_in", PUBLIC, &[("email", ""), ("password", ""), ("next", "/")]),
    Row { verb: Verb::Post, path: "/api/sign_out", access: PUBLIC, request: Request::Form(&[]), ends_session: true },
    call("/api/request_password_reset", PUBLIC, &[("email", "")]),
    call("/api/check_link", UNKNOWN_LINK, &[("token", "no-such-token"), ("purpose", "PasswordReset")]),
    call(
        "/api/reset_password",
        PUBLIC,
        &[("token", "no-such-token"), ("password", "short"), ("confirm_password", "other")],
    ),
    call(
        "/api/accept_invitation",
        PUBLIC,
        &[("token", "no-such-token"), ("name", ""), ("password", "short"), ("confirm_password", "other")],
    ),
    call("/api/update_my_name", SIGNED_IN, &[("name", "")]),
    call(
        "/api/change_my_password",
        SIGNED_IN,
        &[("current_password", ""), ("new_password", "short"), ("confirm_password", "other")],
    ),
    call("/api/list_people", ADMIN, &[]),
    call("/api/get_person", ADMIN, &[("person_id", "{patient}")]),
    call("/api/list_services", ADMIN, &[]),
    call("/api/invite_person", ADMIN, &[("email", ""), ("name", ""), ("service_id", ""), ("role", "")]),
    call("/api/grant_role", ADMIN, &[("person_id", "{patient}"), ("service_id", ""), ("role", "")]),
    call("/api/revoke_role", ADMIN, &[("person_id", "{patient}"), ("service_id", "{service}"), ("role", "nobody")]),
    // Refused as a conflict: nobody may disable their own account, or give up their own rights.
    call("/api/set_account_disabled", ADMIN, &[("person_id", "{administrator}"), ("disabled", "true")]),
    call("/api/set_administrator", ADMIN, &[("person_id", "{administrator}"), ("administrator", "false")]),
    call("/api/create_service", ADMIN, &[("name", "")]),
    call("/api/rename_service", ADMIN, &[("service_id", "{service}"), ("name", "")]),
    call("/api/staffed_services", KEEPER, &[]),
    call("/api/shell_info", PUBLIC, &[]),
    call("/api/list_opportunities", PUBLIC, &[]),
    // ---- server functions: the ledger -------------------------------------------------------------------
    call(
        "/api/list_activities",
        SERVICE,
        &[("service_id", "{service}"), ("level", ""), ("kind", ""), ("from_day", ""), ("to_day", ""), ("page", "1")],
    ),
    call("/api/get_activity", RECORD, &[("activity_id", "{activity}")]),
    Row {
        verb: Verb::Post,
        path: "/api/record_activity",
        access: SERVICE,
        request: Request::Form(&[
            ("service_id", "{service}"),
            ("level", "no such level"),
            ("kind", "other"),
            ("title", ""),
            ("happened_on_day", "someday"),
            ("patients", "0"),
            ("carers", "0"),
            ("staff", "0"),
            ("others", "0"),
            ("purpose", ""),
            ("outcome", ""),
        ]),
        ends_session: false,
    },
    Row {
        verb: Verb::Post,
        path: "/api/update_activity",
        access: RECORD,
        request: Request::Form(&[
            ("activity_id", "{activity}"),
            ("level", "no such level"),
            ("kind", "other"),
            ("title", ""),
            ("happened_on_day", "someday"),
            ("patients", "0"),
            ("carers", "0"),
            ("staff", "0"),
            ("others", "0"),
            ("purpose", ""),
            ("outcome", ""),
        ]),
        ends_session: false,
    },
    // Each person deletes an activity of their own, so nobody's call changes what the next one sees.
    call("/api/delete_activity", RECORD, &[("activity_id", "{own_activity}")]),
    // ---- server functions: information ------------------------------------------------------------------
    call("/api/get_info_page", PUBLIC, &[("slug", "{page_slug}")]),
    call("/api/get_event", PUBLIC, &[("slug", "{event_slug}")]),
    // Reads only the caller's own short-lived cookie: without one, nothing.
    call("/api/my_place", PUBLIC, &[("event_slug", "{event_slug}")]),
    call("/api/get_poster", PUBLIC, &[("kind", "events"), ("slug", "{event_slug}")]),
    call(
        "/api/register_for_event",
        PUBLIC,
        &[("event_slug", "{event_slug}"), ("name", ""), ("email", ""), ("access_needs", "")],
    ),
    call("/api/check_registration", UNKNOWN_LINK, &[("token", "no-such-token")]),
    call("/api/cancel_registration", UNKNOWN_LINK, &[("token", "no-such-token")]),
    call("/api/information_overview", KEEPER, &[]),
    call("/api/get_info_page_for_editing", RECORD, &[("page_id", "{page_id}")]),
    // Saves the page as it is: the checks of what was typed come before the access checks here, so only a
    // valid page reaches them.
    call(
        "/api/save_info_page",
        RECORD,
        &[
            ("page_id", "{page_id}"),
            ("service_id", "{service}"),
            ("title", "{page_title}"),
            ("summary", "{page_summary}"),
            ("body", "{page_body}"),
            ("published", "yes"),
        ],
    ),
    call(
        "/api/save_event",
        RECORD,
        &[
            ("event_id", "{event_id}"),
            ("service_id", "{service}"),
            ("title", "{event_title}"),
            ("description", "{event_description}"),
            ("day_day", "{event_day_day}"),
            ("day_month", "{event_day_month}"),
            ("day_year", "{event_day_year}"),
            ("start", "{event_start}"),
            ("end", "{event_end}"),
            ("place", "{event_place}"),
            ("capacity", "{event_capacity}"),
        ],
    ),
    call("/api/event_registrations", RECORD, &[("slug", "{event_slug}")]),
    call(
        "/api/record_event_held",
        RECORD,
        &[("event_id", "{event_id}"), ("patients", "many"), ("carers", "0"), ("staff", "0"), ("others", "0")],
    ),
    // A real PDF, since the file is checked before access: each person allowed publishes a leaflet.
    Row {
        verb: Verb::Post,
        path: "/api/upload_leaflet",
        access: SERVICE,
        request: Request::Upload(&[
            ("service_id", "{service}"),
            ("title", "Matrix leaflet"),
            ("summary", "A leaflet uploaded by the access matrix test"),
        ]),
        ends_session: false,
    },
    // ---- server functions: consultation -----------------------------------------------------------------
    call("/api/list_feedback_forms", KEEPER, &[]),
    call("/api/get_feedback_form", RECORD, &[("id", "{form_id}")]),
    call("/api/preview_feedback_form", RECORD, &[("id", "{form_id}")]),
    call("/api/consultation_services", KEEPER, &[]),
    call(
        "/api/create_feedback_form",
        SERVICE,
        &[("service_id", "{service}"), ("title", ""), ("intervention", ""), ("template", "fft"), ("answering", "")],
    ),
    call(
        "/api/update_feedback_form",
        RECORD,
        &[("form_id", "{form_id}"), ("title", ""), ("intervention", ""), ("answering", "anonymous")],
    ),
    call(
        "/api/save_question",
        RECORD,
        &[
            ("form_id", "{form_id}"),
            ("question_id", "{question_id}"),
            ("prompt", ""),
            ("help", ""),
            ("required", ""),
            ("kind", ""),
            ("low", ""),
            ("high", ""),
            ("options", ""),
        ],
    ),
    call(
        "/api/arrange_question",
        RECORD,
        &[("form_id", "{form_id}"), ("question_id", "{question_id}"), ("change", "sideways")],
    ),
    // On a form with no answers: refused as a conflict, so no new version is made.
    call("/api/new_form_version", RECORD, &[("form_id", "{spare_form_id}")]),
    // Each person allowed makes a draft copy, which nobody else's requests look at.
    call("/api/duplicate_feedback_form", RECORD, &[("form_id", "{spare_form_id}")]),
    call("/api/set_form_state", RECORD, &[("form_id", "{form_id}"), ("state", "nonsense"), ("open_until", "")]),
    call("/api/get_review_queue", KEEPER, &[]),
    call("/api/get_feedback_response", RECORD, &[("id", "{response_id}")]),
    call("/api/record_review", RECORD, &[("response_id", "{response_id}"), ("outcome", ""), ("note", "")]),
    call("/api/get_flagged_record", RECORD, &[("kind", "volunteer_application"), ("id", "{application_id}")]),
    call(
        "/api/record_flag_review",
        RECORD,
        &[("kind", "volunteer_application"), ("id", "{application_id}"), ("outcome", ""), ("note", "")],
    ),
    // A flagged response not yet reviewed: refused as a conflict until someone records what was done.
    call("/api/mark_response_read", RECORD, &[("response_id", "{response_id}")]),
    call(
        "/api/tag_comment",
        RECORD,
        &[
            ("response_id", "{response_id}"),
            ("question_id", "{comment_question_id}"),
            ("theme_id", "{theme_id}"),
            ("on", ""),
        ],
    ),
    call("/api/get_consultation_settings", KEEPER, &[]),
    call("/api/add_theme", SERVICE, &[("service_id", "{service}"), ("name", "")]),
    call("/api/set_duty_inbox", MANAGER, &[("service_id", "{service}"), ("duty_inbox", "not an address")]),
    call("/api/list_focus_groups", KEEPER, &[]),
    // A valid record (each person allowed records one): another service's staff are refused before anything
    // about what was typed is looked at.
    call(
        "/api/record_focus_group",
        SERVICE,
        &[
            ("service_id", "{service}"),
            ("topic", "Matrix focus group"),
            ("held_on_day", "5"),
            ("held_on_month", "1"),
            ("held_on_year", "2026"),
            ("participants", "6"),
            ("themes", ""),
            ("notes", ""),
        ],
    ),
    call(
        "/api/get_form_results",
        RESULTS,
        &[("form_id", "{form_id}"), ("from_day", ""), ("to_day", ""), ("channel", "")],
    ),
    // ---- server functions: participation ------------------------------------------------------------------
    // Each change is sent with a mistake, so an allowed call is a validation error and nothing is stored.
    call("/api/participation_overview", SIGNED_IN, &[]),
    call(
        "/api/save_group",
        SERVICE,
        &[("group_id", ""), ("service_id", "{service}"), ("name", ""), ("quorum_present", ""), ("quorum_lived", "")],
    ),
    call("/api/get_group", GROUP, &[("group_id", "{group_id}")]),
    call("/api/add_group_member", SERVICE, &[("group_id", "{group_id}"), ("member_type", "nonsense")]),
    call("/api/schedule_meeting", SERVICE, &[("group_id", "{group_id}"), ("day_day", "")]),
    call("/api/get_meeting", GROUP, &[("meeting_id", "{meeting_id}")]),
    call("/api/set_meeting_status", SERVICE, &[("meeting_id", "{meeting_id}"), ("status", "nonsense")]),
    call("/api/add_agenda_item", SERVICE, &[("meeting_id", "{meeting_id}"), ("title", "")]),
    // No attendance chosen for the members: a message beside each.
    call("/api/record_attendance", SERVICE, &[("meeting_id", "{meeting_id}")]),
    call("/api/add_meeting_guest", SERVICE, &[("meeting_id", "{meeting_id}"), ("guest_name", "")]),
    call("/api/declare_interest", SERVICE, &[("meeting_id", "{meeting_id}"), ("interest", "")]),
    // A real PDF with no title: refused for the title once the access checks pass, so nothing is stored.
    Row {
        verb: Verb::Post,
        path: "/api/upload_paper",
        access: SERVICE,
        request: Request::Upload(&[
            ("meeting_id", "{meeting_id}"),
            ("paper_item_id", "{item_id}"),
            ("paper_title", ""),
        ]),
        ends_session: false,
    },
    // The file is posted as `file`, not `easy_read`: refused as no file chosen once the access checks pass.
    Row {
        verb: Verb::Post,
        path: "/api/upload_easy_read",
        access: SERVICE,
        request: Request::Upload(&[("meeting_id", "{meeting_id}"), ("paper_id", "{paper_id}")]),
        ends_session: false,
    },
    // The world sent the papers, then Lee Reed joined: the first person allowed mails Lee; everyone allowed
    // after is refused calmly as a conflict: already sent, nobody new to send them to.
    call("/api/send_papers", SERVICE, &[("meeting_id", "{meeting_id}")]),
    // Papers by post: staff and the group's secretary record the day; the world's papers were sent.
    call(
        "/api/record_papers_posted",
        SERVICE,
        &[("meeting_id", "{meeting_id}"), ("post_member_id", "{member_id}"), ("posted_on_day", "")],
    ),
    call(
        "/api/change_member_position",
        SERVICE,
        &[("group_id", "{group_id}"), ("position_member_id", "{member_id}"), ("new_position", "nonsense")],
    ),
    call(
        "/api/end_member_term",
        SERVICE,
        &[("group_id", "{group_id}"), ("member_id", "{member_id}"), ("ends_on_day", "")],
    ),
    // ---- server functions: partnership ------------------------------------------------------------------
    call("/api/partnership_overview", SIGNED_IN, &[]),
    call("/api/add_to_panel_pool", SERVICE, &[("service_id", "{service}"), ("email", ""), ("sits", "")]),
    call("/api/record_panel_training", RECORD, &[("pool_member_id", "{pool_member_id}"), ("trained_on_day", "")]),
    call("/api/set_panel_retention", MANAGER, &[("service_id", "{service}"), ("months", "")]),
    call("/api/create_panel", SERVICE, &[("service_id", "{service}"), ("post_kind", "")]),
    call("/api/add_panel_criterion", RECORD, &[("panel_id", "{panel_id}"), ("name", "")]),
    call("/api/add_panel_question", RECORD, &[("panel_id", "{panel_id}"), ("wording", "")]),
    call("/api/add_panel_member", RECORD, &[("panel_id", "{panel_id}"), ("pool_member_id", "")]),
    call(
        "/api/record_no_lived_experience_reason",
        Access("U FFFF NN FA A"),
        &[("panel_id", "{panel_id}"), ("reason", "")],
    ),
    // The file is checked after access: a missing pack is a mistake beside the field.
    Row {
        verb: Verb::Post,
        path: "/api/add_panel_candidate",
        access: RECORD,
        request: Request::Upload(&[("panel_id", "{panel_id}"), ("candidate_name", "")]),
        ends_session: false,
    },
    call("/api/get_panel", PANEL, &[("panel_id", "{panel_id}")]),
    call("/api/agree_panel_confidentiality", PANEL_MEMBER, &[("panel_id", "{panel_id}"), ("agree", "")]),
    call("/api/declare_panel_interest", PANEL_MEMBER, &[("panel_id", "{panel_id}"), ("interest", "nobody")]),
    call("/api/submit_panel_scores", PANEL_SCORER, &[("candidate_id", "{candidate_id}")]),
    // A candidate's own forms post `<name>[c-<candidate id>]`.
    call(
        "/api/rescore_panel_candidate",
        PANEL_SCORER,
        &[("candidate_id", "{candidate_id}"), ("criterion_id[c-{candidate_id}]", "")],
    ),
    call(
        "/api/close_panel_scoring",
        PANEL_READY,
        &[("candidate_id", "{candidate_id}"), ("close_reason[c-{candidate_id}]", "")],
    ),
    // The chair (the volunteer) and the service's staff; refused as scoring is not finished (409).
    call(
        "/api/record_panel_outcome",
        PANEL_READY,
        &[("candidate_id", "{candidate_id}"), ("outcome[c-{candidate_id}]", "")],
    ),
    // ---- server functions: involvement payments (partnership §7) -----------------------------------------
    // Each change is sent with a mistake, so an allowed call is a validation error and nothing is stored.
    call("/api/my_payments", SIGNED_IN, &[]),
    call("/api/answer_payment_offer", OWN_OFFER, &[("offer_id", "{offer_id}"), ("choice", "")]),
    call("/api/set_weekly_cap", SIGNED_IN, &[("weekly_cap", "lots")]),
    Row {
        verb: Verb::Post,
        path: "/api/claim_expense",
        access: SIGNED_IN,
        request: Request::Upload(&[("service_id", "{service}"), ("kind", "")]),
        ends_session: false,
    },
    // Correcting a claim is `claim_expense` with its `claim_id`; withdrawing it is its claimant's alone, sent
    // without the box ticked.
    call("/api/withdraw_expense_claim", OWN_CLAIM, &[("claim_id", "{claim_id}"), ("withdraw", "")]),
    call("/api/manage_payments", PAYMENTS_MANAGER, &[]),
    call("/api/save_payment_rate", MANAGER, &[("service_id", "{service}"), ("activity_kind", "")]),
    call("/api/save_payment_settings", MANAGER, &[("service_id", "{service}"), ("advice_contact", "")]),
    call("/api/save_payment_details", MANAGER, &[("service_id", "{service}"), ("email", ""), ("paid_through", "")]),
    call("/api/review_payment_item", PAYMENT_REVIEW, &[("item", "claim"), ("item_id", "{claim_id}"), ("decision", "")]),
    call("/api/mark_payments_paid", MANAGER, &[("service_id", "{service}"), ("through", "")]),
    // ---- server functions: inclusion --------------------------------------------------------------------
    // Each change is sent with a mistake, so an allowed call is a validation error and nothing is stored.
    call("/api/list_volunteer_roles", PUBLIC, &[]),
    call("/api/get_volunteer_role", PUBLIC, &[("slug", "{role_slug}")]),
    call("/api/apply_for_role", PUBLIC, &[("role_slug", "{role_slug}"), ("name", "")]),
    call("/api/application_status", UNKNOWN_LINK, &[("token", "no-such-token")]),
    call("/api/withdraw_application", UNKNOWN_LINK, &[("token", "no-such-token")]),
    call("/api/get_resent_application", UNKNOWN_LINK, &[("key", "no-such-key")]),
    call("/api/confirm_resent_application", UNKNOWN_LINK, &[("key", "no-such-key")]),
    call("/api/inclusion_overview", KEEPER, &[]),
    call("/api/get_role_for_editing", RECORD, &[("role_id", "{role_id}")]),
    call("/api/save_volunteer_role", SERVICE, &[("role_id", ""), ("service_id", "{service}"), ("title", "")]),
    call("/api/list_applications", KEEPER, &[("stage", "")]),
    call("/api/get_application", RECORD, &[("application_id", "{application_id}")]),
    call("/api/move_application", RECORD, &[("application_id", "{application_id}"), ("stage", "nonsense")]),
    call("/api/appoint_volunteer", RECORD, &[("application_id", "{application_id}"), ("starts_on_day", "")]),
    // The interview panel (the rest of issue 16): the world's application is past interview, so linking is a
    // conflict for whoever may (the flag's review is the review queue's `record_flag_review`).
    call("/api/link_interview_panel", RECORD, &[("application_id", "{application_id}"), ("panel_id", "nonsense")]),
    // References, checks and the volunteer's own page (issue 16 §4–§6). The world's referees were asked, so
    // asking again is a conflict for whoever may. The world's volunteer pauses their role and comes back.
    call("/api/get_references", RECORD, &[("application_id", "{application_id}")]),
    call("/api/request_references", RECORD, &[("application_id", "{application_id}")]),
    call("/api/replace_referee", RECORD, &[("reference_id", "{reference_id}"), ("referee_name", "")]),
    call("/api/get_reference_request", UNKNOWN_LINK, &[("key", "no-such-key")]),
    call("/api/give_reference", PUBLIC, &[("key", "no-such-key"), ("known_how", "")]),
    call("/api/decline_reference", UNKNOWN_LINK, &[("key", "no-such-key")]),
    call("/api/volunteer_checks_overview", KEEPER, &[]),
    call("/api/add_volunteer_check", SERVICE, &[("service_id", "{service}"), ("category", "")]),
    call("/api/get_role_checks", RECORD, &[("role_id", "{role_id}")]),
    call(
        "/api/set_role_check",
        RECORD,
        &[("role_id", "{role_id}"), ("check_kind_id", "{check_kind_id}"), ("needed", "nonsense")],
    ),
    call("/api/get_appointment", RECORD, &[("appointment_id", "{appointment_id}")]),
    call("/api/record_volunteer_check", RECORD, &[("appointment_id", "{appointment_id}"), ("done_on_day", "")]),
    call("/api/set_appointment_status", RECORD, &[("appointment_id", "{appointment_id}"), ("status", "nonsense")]),
    call(
        "/api/set_volunteer_supervisor",
        RECORD,
        &[("appointment_id", "{appointment_id}"), ("supervisor_id", "nonsense")],
    ),
    call("/api/record_supervision", RECORD, &[("appointment_id", "{appointment_id}"), ("held_on_day", "")]),
    call("/api/my_volunteering", SIGNED_IN, &[]),
    call("/api/pause_my_volunteering", OWN_RECORD, &[("appointment_id", "{appointment_id}")]),
    call("/api/come_back_to_volunteering", OWN_RECORD, &[("appointment_id", "{appointment_id}")]),
    // Hours and courses (slice 2), each change with a mistake.
    call("/api/get_hours_page", SIGNED_IN, &[]),
    call("/api/get_hours_entry", OWN_HOURS, &[("entry_id", "{hours_id}")]),
    call("/api/log_hours", OWN_HOURS, &[("appointment_id", "{hours_appointment_id}"), ("hours", "lots")]),
    call("/api/decide_hours", RECORD, &[("entry_id", "{hours_id}"), ("decision", "nonsense")]),
    call("/api/list_courses", KEEPER, &[]),
    call("/api/save_course", SERVICE, &[("service_id", "{service}"), ("title", "")]),
    call("/api/get_course", RECORD, &[("course_id", "{course_id}")]),
    call("/api/record_session", RECORD, &[("course_id", "{course_id}"), ("held_on_day", "")]),
    call("/api/mark_session_held", RECORD, &[("course_id", "{course_id}"), ("session_id", "")]),
    call("/api/log_session_hours", CO_FACILITATOR, &[("session_id", "{session_id}")]),
    // Minutes, decisions and actions (slice 3). The world's minutes are circulated, so circulating them again
    // is a conflict for whoever may; its steering member was present, so may comment.
    call("/api/get_minutes", GROUP, &[("meeting_id", "{meeting_id}")]),
    call("/api/save_minutes", SERVICE, &[("meeting_id", "{meeting_id}")]),
    call("/api/record_decision", SERVICE, &[("meeting_id", "{meeting_id}"), ("wording", "")]),
    call("/api/add_action", SERVICE, &[("meeting_id", "{meeting_id}"), ("description", "")]),
    call("/api/circulate_minutes", SERVICE, &[("meeting_id", "{meeting_id}")]),
    call("/api/comment_on_minutes", PRESENT_MEMBER, &[("meeting_id", "{meeting_id}"), ("comment", "")]),
    call("/api/approve_minutes", SERVICE, &[("meeting_id", "{meeting_id}"), ("approval", "nonsense")]),
    call("/api/publish_minutes", SERVICE, &[("meeting_id", "{summary_meeting_id}"), ("audience", "nonsense")]),
    call("/api/amend_minutes", SERVICE, &[("meeting_id", "{summary_meeting_id}"), ("amendment", "")]),
    call("/api/get_public_summary", PUBLIC, &[("meeting_id", "{summary_meeting_id}")]),
    call("/api/get_action", GROUP, &[("action_id", "{action_id}")]),
    // The world's action is the steering member's own.
    call("/api/update_action", GROUP, &[("action_id", "{action_id}"), ("status", "nonsense")]),
    call("/api/get_my_actions", SIGNED_IN, &[]),
    call("/api/choose_participation_mail", SIGNED_IN, &[("mail", "nonsense")]),
    // The monthly report mail: managers (of any service) and administrators; sent with a mistake.
    call("/api/choose_report_mail", MANAGER_ANYWHERE, &[("mail", "nonsense")]),
    call("/api/get_matters_arising", GROUP, &[("meeting_id", "{meeting_id}")]),
    // "You said, we did". The world's item has no quote, so approving it is a conflict for whoever may.
    call("/api/get_you_said_we_did_board", PUBLIC, &[("service_slug", "the-service")]),
    call("/api/get_you_said_we_did", KEEPER, &[]),
    call("/api/add_you_said_we_did", KEEPER, &[("source", ""), ("link", ""), ("you_said", "")]),
    call("/api/get_you_said_we_did_item", RECORD, &[("outcome_id", "{outcome_id}")]),
    call("/api/save_you_said_we_did", RECORD, &[("outcome_id", "{outcome_id}"), ("status", "nonsense")]),
    call("/api/approve_you_said_we_did_quote", QUOTE_APPROVER, &[("outcome_id", "{outcome_id}")]),
    // ---- server functions: reports ----------------------------------------------------------------------
    call("/api/profile_services", PROFILE, &[]),
    call("/api/involvement_choices", INVOLVEMENT, &[]),
    call(
        "/api/involvement_report",
        INVOLVEMENT_OF_SERVICE,
        &[("service_id", "{service}"), ("period", ""), ("from_day", ""), ("to_day", "")],
    ),
    call(
        "/api/continuum_profile",
        PROFILE_OF_SERVICE,
        &[("service_id", "{service}"), ("from_day", ""), ("to_day", "")],
    ),
];

/// A cell where Continuum does not yet do what it should. The matrix reports each by name and passes on it;
/// it fails if the cell starts behaving as expected, so the entry is removed, or if any other cell differs.
#[derive(Clone, Copy, Debug)]
pub struct KnownFailure {
    pub verb: Verb,
    pub path: &'static str,
    pub person: Person,
    pub actual: Outcome,
    /// Why it is wrong, and the issue that will put it right.
    pub why: &'static str,
}

/// The cells known to be wrong today.
pub const KNOWN_FAILURES: &[KnownFailure] = &[];

/// The kind of a route Continuum serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RouteKind {
    Page,
    ServerFunction,
    Plain,
}

/// A route as the running server knows it, generated rather than listed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ServedRoute {
    pub kind: RouteKind,
    pub verb: Verb,
    pub path: String,
}

fn verb_of(method: &reqwest::Method) -> Verb {
    match *method {
        reqwest::Method::GET => Verb::Get,
        reqwest::Method::POST => Verb::Post,
        ref other => panic!("the matrix asks with GET and POST only; add {other} to Verb"),
    }
}

/// Every route the server serves: Leptos pages, server functions and plain routes.
pub fn served_routes() -> Vec<ServedRoute> {
    let mut routes = Vec::new();
    for listing in continuum::startup::routes() {
        for method in listing.methods() {
            // Named by its Debug form, so this crate need not depend on leptos_router for one enum.
            let verb = match format!("{method:?}").as_str() {
                "Get" => Verb::Get,
                "Post" => Verb::Post,
                other => panic!("the matrix asks with GET and POST only; add {other} to Verb"),
            };
            routes.push(ServedRoute { kind: RouteKind::Page, verb, path: listing.path().to_owned() });
        }
    }
    for (path, method) in server_fn::axum::server_fn_paths() {
        routes.push(ServedRoute { kind: RouteKind::ServerFunction, verb: verb_of(&method), path: path.to_owned() });
    }
    for (method, path) in continuum::startup::plain_routes() {
        routes.push(ServedRoute { kind: RouteKind::Plain, verb: verb_of(&method), path: path.to_owned() });
    }
    routes.sort();
    routes.dedup();
    routes
}

/// What a response came to. The status decides first; today a refused server function still answers as
/// every server function error does (a redirect back whose `__err` carries the error, or a 500 with the error
/// in its body), so those are read for the error. When each refusal has its own status, only this changes.
/// Anything else (a 500 page, a 503) is an error the matrix reports as it is.
pub async fn outcome_of(response: Response) -> Result<Outcome, String> {
    let status = response.status();
    match status {
        StatusCode::UNAUTHORIZED => Ok(Outcome::Unauthenticated),
        StatusCode::FORBIDDEN => Ok(Outcome::Forbidden),
        StatusCode::NOT_FOUND => Ok(Outcome::NotFound),
        // Refused only for what was sent: the access checks passed.
        StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY => Ok(Outcome::Allowed),
        s if s.is_success() => Ok(Outcome::Allowed),
        s if s.is_redirection() => {
            let to = location(&response);
            let url =
                url::Url::parse("http://localhost/").and_then(|base| base.join(&to)).map_err(|e| e.to_string())?;
            if url.path() == "/sign-in" && url.query_pairs().any(|(k, _)| k == "next") {
                Ok(Outcome::Unauthenticated)
            } else if let Some(error) = error_in_location(&to) {
                outcome_of_error(error)
            } else {
                Ok(Outcome::Allowed)
            }
        }
        // A server function's error answers with its own status (401, 403, 404, 409, 422 above; 429, 503),
        // so a 500 is always a fault.
        other => {
            let body = response.text().await.unwrap_or_default();
            Err(format!("{other}: {}", body.chars().take(200).collect::<String>()))
        }
    }
}

fn outcome_of_error(error: AppError) -> Result<Outcome, String> {
    match error {
        AppError::Unauthenticated => Ok(Outcome::Unauthenticated),
        AppError::Forbidden => Ok(Outcome::Forbidden),
        AppError::NotFound => Ok(Outcome::NotFound),
        AppError::Validation(_) | AppError::Conflict(_) => Ok(Outcome::Allowed),
        other => Err(format!("{other:?}")),
    }
}

/// Fills a request's placeholders: `{name}` becomes `values["name"]`. An unknown placeholder is a mistake in
/// the table, and panics.
pub fn fill(template: &str, values: &HashMap<&str, String>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let end = start + rest[start..].find('}').unwrap_or_else(|| panic!("an unclosed placeholder in {template}"));
        let name = &rest[start + 1..end];
        out.push_str(&rest[..start]);
        out.push_str(values.get(name).unwrap_or_else(|| panic!("no value for {{{name}}} in {template}")));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}
