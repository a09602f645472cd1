//! Every route in one place.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Routes},
    path, SsrMode,
};

use crate::{
    about::{AccessibilityPage, ContactPage, PrivacyPage},
    accounts::components::{
        AccountPage, AdminPeoplePage, AdminPersonPage, AdminServicesPage, ForgotPasswordPage, InvitationPage,
        ResetPasswordPage, SignInPage, SignOutPage,
    },
    consultation::{
        focus_groups::components::FocusGroupsPage,
        forms::components::{ConsultationPage, FormBuilderPage, FormPreviewPage, NewFormPage},
        results::components::FormResultsPage,
        review::components::{ConsultationSettingsPage, ResponsePage, ReviewQueuePage},
    },
    get_involved::GetInvolvedPage,
    home::HomePage,
    inclusion::components::{
        ApplicationStatusPage, ApplicationView, ApplicationsPage, ConfirmResentPage, EditRolePage, InclusionPage,
        RoleView, VolunteerRolesPage,
    },
    information::components::{
        CancelRegistrationPage, EditEventPage, EditInfoPagePage, EventPage, EventStaffPage, InfoPageView,
        InformationPage, NewEventPage, NewInfoPagePage, PosterPage, UploadLeafletPage,
    },
    ledger::components::{ActivityDetailPage, EditActivityPage, LedgerPage, RecordActivityPage},
    participation::components::{GroupView, MeetingView, ParticipationPage},
    reports::components::ContinuumProfilePage,
    reports::involvement_page::InvolvementReportPage,
    ui::NotFoundPage,
};

/// The pages patients open from a poster, a leaflet or a text message, which load no WebAssembly at all:
/// home, Get involved, information pages, events and cancelling a place, posters, volunteer roles with their
/// application form and the applicant's status page, the "you said, we did" board and public meeting summaries, signing in, password reset and invitations. Every page works fully without JavaScript, so these are the same with it on: someone on a
/// cheap phone with little data never downloads the staff tools (the whole bundle is about 860 KB compressed).
/// The feedback form `/f/<slug>` is a plain handler that loads none either. Paths are matched exactly or, for
/// those ending in `/`, as prefixes.
pub const LIGHT_PAGES: &[&str] = &[
    "/",
    "/get-involved",
    "/info/",
    "/events/",
    "/posters/",
    "/volunteer",
    "/volunteer/",
    "/sign-in",
    "/forgot-password",
    "/reset-password",
    "/invitation",
    "/accessibility",
    "/privacy",
    "/contact",
    "/you-said-we-did",
    "/you-said-we-did/",
    "/participation/summaries/",
];

/// Public pages a crowd may open at once, which the server reuses for a second for visitors without cookies
/// (`server/src/reuse.rs`): a volunteer role's page with its application form (issue 16's benchmark: at least a
/// quarter of a bare axum handler's rate, as the feedback form). Matched as `/volunteer/<slug>`, one segment
/// after the prefix, never the applicant's status page or a referee's page (both behind a secret in the query,
/// which the server never reuses anyway).
pub const REUSED_PAGES: &[&str] = &["/volunteer/"];

/// Whether `path` is one of [`REUSED_PAGES`].
pub fn is_reused_page(path: &str) -> bool {
    REUSED_PAGES.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|slug| !slug.is_empty() && !slug.contains('/') && !matches!(slug, "application" | "reference"))
    })
}

/// Put in a response's context by the server to serve its page light whatever its address: the 404 page for
/// an address no route or file matches (`/no/such/page`, an old link, a mistyped poster address), which a
/// patient is as likely to open as any public page. The shell decides before routing, so it cannot learn
/// from the router that nothing matched; the server, which does, says so with this.
#[derive(Clone, Copy, Debug)]
pub struct ServedLight;

/// Whether `path` is one of the [`LIGHT_PAGES`].
pub fn is_light_page(path: &str) -> bool {
    LIGHT_PAGES
        .iter()
        .any(|page| if page.len() > 1 && page.ends_with('/') { path.starts_with(page) } else { path == *page })
}

/// Pages render in full on the server before anything is sent (`SsrMode::Async`), so every page works
/// without JavaScript and can answer with the right status (403, 404, a redirect to sign in).
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
            <Route path=path!("/accessibility") view=AccessibilityPage ssr=SsrMode::Async />
            <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
            <Route path=path!("/contact") view=ContactPage ssr=SsrMode::Async />
            <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
            <Route path=path!("/sign-out") view=SignOutPage ssr=SsrMode::Async />
            <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async />
            <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async />
            <Route path=path!("/invitation") view=InvitationPage ssr=SsrMode::Async />
            <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
            <Route path=path!("/admin/services") view=AdminServicesPage ssr=SsrMode::Async />
            <Route path=path!("/admin/people") view=AdminPeoplePage ssr=SsrMode::Async />
            <Route path=path!("/admin/people/:id") view=AdminPersonPage ssr=SsrMode::Async />
            <Route path=path!("/ledger") view=LedgerPage ssr=SsrMode::Async />
            <Route path=path!("/ledger/new") view=RecordActivityPage ssr=SsrMode::Async />
            <Route path=path!("/ledger/:id") view=ActivityDetailPage ssr=SsrMode::Async />
            <Route path=path!("/ledger/:id/edit") view=EditActivityPage ssr=SsrMode::Async />
            <Route path=path!("/reports/continuum-profile") view=ContinuumProfilePage ssr=SsrMode::Async />
            <Route path=path!("/reports/involvement") view=InvolvementReportPage ssr=SsrMode::Async />
            <Route path=path!("/get-involved") view=GetInvolvedPage ssr=SsrMode::Async />
            <Route path=path!("/info/:slug") view=InfoPageView ssr=SsrMode::Async />
            <Route path=path!("/events/cancel") view=CancelRegistrationPage ssr=SsrMode::Async />
            <Route path=path!("/events/:slug") view=EventPage ssr=SsrMode::Async />
            <Route path=path!("/posters/:kind/:slug") view=PosterPage ssr=SsrMode::Async />
            <Route path=path!("/information") view=InformationPage ssr=SsrMode::Async />
            <Route path=path!("/information/pages/new") view=NewInfoPagePage ssr=SsrMode::Async />
            <Route path=path!("/information/pages/:id/edit") view=EditInfoPagePage ssr=SsrMode::Async />
            <Route path=path!("/information/events/new") view=NewEventPage ssr=SsrMode::Async />
            <Route path=path!("/information/events/:slug") view=EventStaffPage ssr=SsrMode::Async />
            <Route path=path!("/information/events/:slug/edit") view=EditEventPage ssr=SsrMode::Async />
            <Route path=path!("/information/leaflets/new") view=UploadLeafletPage ssr=SsrMode::Async />
            <Route path=path!("/consultation") view=ConsultationPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/forms/new") view=NewFormPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/forms/:id") view=FormBuilderPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/forms/:id/preview") view=FormPreviewPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/forms/:id/results") view=FormResultsPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/review") view=ReviewQueuePage ssr=SsrMode::Async />
            <Route path=path!("/consultation/responses/:id") view=ResponsePage ssr=SsrMode::Async />
            <Route path=path!("/consultation/review/flags/:kind/:id") view=crate::consultation::review::components::FlaggedRecordPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/settings") view=ConsultationSettingsPage ssr=SsrMode::Async />
            <Route path=path!("/consultation/focus-groups") view=FocusGroupsPage ssr=SsrMode::Async />
            <Route path=path!("/participation") view=ParticipationPage ssr=SsrMode::Async />
            <Route path=path!("/participation/groups/:id") view=GroupView ssr=SsrMode::Async />
            <Route path=path!("/participation/meetings/:id") view=MeetingView ssr=SsrMode::Async />
            <Route path=path!("/volunteer") view=VolunteerRolesPage ssr=SsrMode::Async />
            <Route path=path!("/volunteer/application") view=ApplicationStatusPage ssr=SsrMode::Async />
            <Route path=path!("/volunteer/application/confirm") view=ConfirmResentPage ssr=SsrMode::Async />
            // References, checks and the volunteer's own page (issue 16 §4–§6).
            <Route path=path!("/volunteer/reference") view=crate::inclusion::references::components::ReferencePage ssr=SsrMode::Async />
            <Route path=path!("/volunteering") view=crate::inclusion::volunteer::components::MyVolunteeringPage ssr=SsrMode::Async />
            <Route path=path!("/inclusion/checks") view=crate::inclusion::checks::components::ChecksPage ssr=SsrMode::Async />
            <Route path=path!("/inclusion/appointments/:id") view=crate::inclusion::checks::components::AppointmentView ssr=SsrMode::Async />
            <Route path=path!("/volunteer/:slug") view=RoleView ssr=SsrMode::Async />
            <Route path=path!("/inclusion") view=InclusionPage ssr=SsrMode::Async />
            <Route path=path!("/inclusion/roles/:id") view=EditRolePage ssr=SsrMode::Async />
            <Route path=path!("/inclusion/applications") view=ApplicationsPage ssr=SsrMode::Async />
            <Route path=path!("/inclusion/applications/:id") view=ApplicationView ssr=SsrMode::Async />
            <Route path=path!("/inclusion/hours") view=crate::inclusion::hours::components::HoursView ssr=SsrMode::Async />
            <Route path=path!("/inclusion/hours/:id") view=crate::inclusion::hours::components::HoursEntryView ssr=SsrMode::Async />
            <Route path=path!("/inclusion/courses") view=crate::inclusion::sessions::components::CoursesView ssr=SsrMode::Async />
            <Route path=path!("/inclusion/courses/:id") view=crate::inclusion::sessions::components::CourseView ssr=SsrMode::Async />
            <Route path=path!("/participation/meetings/:id/minutes") view=crate::participation::minutes::components::MinutesView ssr=SsrMode::Async />
            <Route path=path!("/participation/summaries/:id") view=crate::participation::minutes::components::PublicSummaryView ssr=SsrMode::Async />
            <Route path=path!("/participation/my-actions") view=crate::participation::actions::components::MyActionsView ssr=SsrMode::Async />
            <Route path=path!("/participation/actions/:id") view=crate::participation::actions::components::ActionView ssr=SsrMode::Async />
            <Route path=path!("/participation/you-said-we-did") view=crate::participation::outcomes::components::OutcomesView ssr=SsrMode::Async />
            <Route path=path!("/participation/you-said-we-did/:id") view=crate::participation::outcomes::components::OutcomeView ssr=SsrMode::Async />
            <Route path=path!("/you-said-we-did") view=crate::participation::outcomes::components::BoardView ssr=SsrMode::Async />
            <Route path=path!("/you-said-we-did/:slug") view=crate::participation::outcomes::components::BoardView ssr=SsrMode::Async />
            <Route path=path!("/partnership") view=crate::partnership::components::PartnershipPage ssr=SsrMode::Async />
            <Route path=path!("/partnership/panels/:id") view=crate::partnership::components::PanelView ssr=SsrMode::Async />
            // Involvement payments (partnership §7).
            <Route path=path!("/payments") view=crate::partnership::payments::components::PaymentsPage ssr=SsrMode::Async />
            <Route path=path!("/payments/manage") view=crate::partnership::payments::components::ManagePaymentsPage ssr=SsrMode::Async />
        </Routes>
    }
}
