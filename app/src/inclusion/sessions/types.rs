//! Courses and their sessions, shared by the server and the browser.

use crate::accounts::types::{ServiceId, ServiceSummary};
use crate::inclusion::hours::types::RoleToLog;
use serde::{Deserialize, Serialize};

crate::id!(
    /// A course of a service, such as "Understanding emotions".
    CourseId
);
crate::id!(
    /// A session of a course, held or planned.
    SessionId
);

/// A course, as its pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub id: CourseId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub title: String,
    pub about: String,
    /// Sessions held (planned ones are not counted), and how many of them were co-delivered (counts of things).
    pub sessions: i64,
    pub co_delivered: i64,
}

/// A session held (with who facilitated it and who came) or planned (with who will facilitate it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseSession {
    pub id: SessionId,
    /// Planned for a day to come: nobody counted yet (the counts are 0), not in the ledger.
    pub planned: bool,
    /// `YYYY-MM-DD`, local; times `HH:MM`, local.
    pub held_on: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub patients_attending: i64,
    pub others_attending: i64,
    pub staff_facilitators: String,
    /// Co-facilitators with lived experience, by name.
    pub co_facilitators: Vec<String>,
    /// Whether at least one co-facilitator with lived experience took part.
    pub co_delivered: bool,
    /// The slug of the feedback form for attendees (`/f/<slug>`), or empty.
    pub feedback_form: String,
}

/// The courses of the caller's services, and the services they may add one to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoursesPage {
    pub courses: Vec<Course>,
    pub services: Vec<ServiceSummary>,
}

/// A course's page for its staff: its sessions, newest first, and the volunteers in lived-experience roles
/// of its service who may co-facilitate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoursePage {
    pub course: Course,
    pub sessions: Vec<CourseSession>,
    pub co_facilitators: Vec<RoleToLog>,
}
