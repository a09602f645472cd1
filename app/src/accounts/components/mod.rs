//! The accounts pages: signing in and out, links from email (invitation, password reset), a person's own
//! account, and the administrator's pages for services and people.

mod account;
mod admin;
mod links;
mod sign_in;

pub use account::AccountPage;
pub use admin::{AdminPeoplePage, AdminPersonPage, AdminServicesPage};
pub use links::{ForgotPasswordPage, InvitationPage, ResetPasswordPage};
pub use sign_in::{SignInPage, SignOutPage};
