//! Account types shared by server and browser. Nothing here holds a secret.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What a person does in one service. An administrator (across all services) is a flag on the person.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case", parse_err_ty = String, parse_err_fn = not_a_role)]
pub enum Role {
    Patient,
    Carer,
    Volunteer,
    SteeringMember,
    Staff,
    Manager,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Patient, Role::Carer, Role::Volunteer, Role::SteeringMember, Role::Staff, Role::Manager];

    /// The stored form, also used in form values.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// How the service names the role.
    pub fn label(self) -> &'static str {
        match self {
            Role::Patient => "Patient",
            Role::Carer => "Carer or family member",
            Role::Volunteer => "Volunteer",
            Role::SteeringMember => "Steering group member",
            Role::Staff => "Staff",
            Role::Manager => "Manager",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The message beside the field when a posted Role is not one of its values.
fn not_a_role(_: &str) -> String {
    "Choose a role from the list".to_owned()
}

crate::id!(
    /// A service (a team such as a personality disorder service), the unit that owns forms, events and
    /// activities and to which staff belong.
    ServiceId
);

crate::id!(
    /// A person with an account (patient, carer, volunteer, staff or administrator).
    PersonId
);

/// A role someone holds in a named service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRole {
    pub service_id: ServiceId,
    pub service_name: String,
    pub role: Role,
}

/// The signed-in person as pages see them: enough to greet them and choose their navigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub roles: Vec<ServiceRole>,
}

impl UserSummary {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.role == role)
    }

    /// Staff (or a manager) of some service, or an administrator: who the staff tools are for. The server
    /// checks the same (`accounts::access::require_staff`) and each service's access beside it.
    pub fn is_staff_anywhere(&self) -> bool {
        self.is_admin || self.has_role(Role::Staff) || self.has_role(Role::Manager)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: ServiceId,
    pub name: String,
}

impl ServiceSummary {
    /// The services as `(id, name)` options for a select field.
    pub fn options(services: &[ServiceSummary]) -> Vec<(String, String)> {
        services.iter().map(|s| (s.id.to_string(), s.name.clone())).collect()
    }
}

/// A person as the administrator's list and detail pages show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub disabled: bool,
    /// False until the person has accepted their invitation and set a password.
    pub has_password: bool,
    pub roles: Vec<ServiceRole>,
}

/// The person an invitation or password reset link is for, shown on the page the link opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkHolder {
    pub name: String,
    pub email: String,
}

/// Why a one-time link was made. Stored as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum LinkPurpose {
    Invitation,
    PasswordReset,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_reads_back_from_its_stored_form() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("superuser".parse::<Role>().is_err());
    }
}
