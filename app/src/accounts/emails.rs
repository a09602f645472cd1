//! The account emails: an invitation and a password reset. Plain text, plain words, and the link.

use crate::mail::OutgoingMail;

pub fn invitation(to: &str, name: &str, organisation: &str, link: &str, invited_by: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("You have been invited to Continuum at {organisation}"),
        body: format!(
            "Hello {name},\n\n\
             {invited_by} has invited you to Continuum, where {organisation} and the people it supports work \
             together on how the service runs.\n\n\
             To accept, choose a password here:\n{link}\n\n\
             This link works once and expires in 7 days. If you were not expecting this email, you can ignore \
             it.\n"
        ),
    }
}

pub fn password_reset(to: &str, name: &str, organisation: &str, link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("Reset your Continuum password at {organisation}"),
        body: format!(
            "Hello {name},\n\n\
             Someone asked to reset the password for your Continuum account. If it was you, choose a new \
             password here:\n{link}\n\n\
             This link works once and expires in 1 hour. If you did not ask for this, you can ignore this email: \
             your password has not changed.\n"
        ),
    }
}
