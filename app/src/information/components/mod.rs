//! The Information pages: what everyone reads (service pages, events with registration, cancellation,
//! posters, "Get involved") in `public.rs`, and what staff manage in `manage.rs`.

mod manage;
mod public;

pub use manage::{
    EditEventPage, EditInfoPagePage, EventStaffPage, InformationPage, NewEventPage, NewInfoPagePage, UploadLeafletPage,
};
pub use public::{CancelRegistrationPage, EventPage, InfoPageView, PosterPage};
