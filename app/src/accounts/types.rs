//! Account types shared by server and browser. Nothing here holds a secret.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// What a person does in one service. An administrator (across all services) is a flag on the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
        match self {
            Role::Patient => "patient",
            Role::Carer => "carer",
            Role::Volunteer => "volunteer",
            Role::SteeringMember => "steering_member",
            Role::Staff => "staff",
            Role::Manager => "manager",
        }
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

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| "Choose a role from the list".to_owned())
    }
}

/// A role someone holds in a named service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRole {
    pub service_id: String,
    pub service_name: String,
    pub role: Role,
}

/// The signed-in person as pages see them: enough to greet them and choose their navigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: String,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub roles: Vec<ServiceRole>,
}

impl UserSummary {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.role == role)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: String,
    pub name: String,
}

/// A person as the administrator's list and detail pages show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: String,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkPurpose {
    Invitation,
    PasswordReset,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::PasswordReset => "password_reset",
        }
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
