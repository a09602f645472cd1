//! No uploaded file's name in any address, page or mail: the rule "nothing typed travels in an address" covers
//! file names, since people name files after their subject ("Referral for Jane Smith.pdf"). Every file is
//! served from an address of ids and fixed words (`/leaflets/<id>/leaflet.pdf`, `/partnership/packs/<id>/pack.pdf`,
//! `/participation/papers/<id>/paper.pdf` and `…/easy-read/paper.pdf`, `/payments/receipts/<id>/receipt`, and the
//! exports' fixed names), and the name it was uploaded under, or one built from a typed title, goes out only in
//! `Content-Disposition`, encoded by one helper (`app::download`).

use std::collections::HashMap;

use continuum_tests::{
    location, on_both_engines,
    routes::{fill, Outcome, Person, Request, ROUTES},
    spawn_app,
    world::World,
    Backend,
};
use reqwest::{header, StatusCode};

/// The marker word, in every uploaded file's name.
const MARKER: &str = "zebrafile";

/// The name every file of the world is uploaded under: an accent, quotes (sent escaped in the multipart
/// header, `\"`, and read back as they were) and the marker.
const SENT_NAME: &str = "Référé \"ZEBRAFILE\" notes.pdf";

/// Who is asked for every page they may see: between them, everyone a file is for and everyone it is not.
const ASKERS: [Person; 6] =
    [Person::Anonymous, Person::Volunteer, Person::SteeringMember, Person::OtherStaff, Person::Staff, Person::Manager];

/// Each file's route (as the access matrix names it), its address now, and the first of [`ASKERS`] who may
/// read it (as the access matrix says).
fn files(world: &World) -> Vec<(&'static str, String, Person)> {
    let v = &world.values;
    let reader = |path: &str| {
        let row = ROUTES.iter().find(|row| row.path == path).expect("a row of the access matrix");
        ASKERS.into_iter().find(|p| row.access.outcome_for(*p) == Outcome::Allowed).expect("someone may read it")
    };
    [
        ("/leaflets/{id}/{name}", format!("/leaflets/{}/leaflet.pdf", v["leaflet_id"])),
        ("/partnership/packs/{id}/{name}", format!("/partnership/packs/{}/pack.pdf", v["candidate_id"])),
        ("/participation/papers/{id}/{name}", format!("/participation/papers/{}/paper.pdf", v["paper_id"])),
        (
            "/participation/papers/{id}/easy-read/{name}",
            format!("/participation/papers/{}/easy-read/paper.pdf", v["paper_id"]),
        ),
        ("/payments/receipts/{id}/{name}", format!("/payments/receipts/{}/receipt", v["claim_id"])),
    ]
    .into_iter()
    .map(|(path, address)| (path, address, reader(path)))
    .collect()
}

/// A header value that cannot end itself or start another: printable ASCII only.
fn assert_one_safe_line(value: &str, what: &str) {
    assert!(value.chars().all(|c| c.is_ascii() && !c.is_ascii_control()), "{what}: {value:?}");
}

/// Every file of every kind uploaded under a name holding the marker; then every page each person may see,
/// every file and every mail: the marker is in no address, `Location`, page (its data included) or mail, and
/// each file still downloads under its name.
async fn no_uploaded_file_name_travels_in_an_address_page_or_mail(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed_uploading_as(&app, Some(SENT_NAME)).await;
    // The papers go out by mail to the group, with their links.
    let staff = &world.clients[Person::Staff.index()];
    let meeting_page = format!("/participation/meetings/{}", world.values["meeting_id"]);
    let sent = staff
        .post(app.url("/api/send_papers"))
        .header(header::ORIGIN, &app.address)
        .header(header::REFERER, app.url(&meeting_page))
        .form(&[("meeting_id", world.values["meeting_id"].as_str())])
        .send()
        .await
        .unwrap();
    assert!(sent.status().is_redirection(), "send_papers: {}", sent.status());

    let file_routes = files(&world);
    let mut visited = 0;
    let mut leaks = Vec::new();
    let mut pages: HashMap<String, String> = HashMap::new();
    for person in ASKERS {
        let client = &world.clients[person.index()];
        let values = world.values_for(person);
        for row in ROUTES.iter().filter(|row| !row.ends_session) {
            let Request::Visit(address) = row.request else { continue };
            if row.access.outcome_for(person) != Outcome::Allowed {
                continue;
            }
            let address = fill(address, &values);
            assert!(!address.to_lowercase().contains(MARKER), "an address carries the name: {address}");
            let response = client.get(app.url(&address)).send().await.unwrap();
            visited += 1;
            for (name, value) in response.headers() {
                let value = String::from_utf8_lossy(value.as_bytes()).to_lowercase();
                if value.contains(MARKER) && *name != header::CONTENT_DISPOSITION {
                    leaks.push(format!("{name} of {address} as {person}: {value}"));
                }
            }
            let is_file = file_routes.iter().any(|(path, _, _)| *path == row.path);
            let body = String::from_utf8_lossy(&response.bytes().await.unwrap()).into_owned();
            if body.to_lowercase().contains(MARKER) {
                leaks.push(format!("the body of {address} as {person}"));
            }
            if !is_file {
                pages.insert(format!("{address} as {person}"), body);
            }
        }
    }
    assert!(visited > 300, "every page each person may see is asked for ({visited})");
    assert!(leaks.is_empty(), "the uploaded name travels:\n{}", leaks.join("\n"));

    // Every page linking a file links its address of fixed words.
    for (_, file, _) in &file_routes {
        assert!(pages.values().any(|page| page.contains(&format!("href=\"{file}\""))), "a page links {file}");
    }

    // No mail carries the name; the papers' mail links the paper's own address.
    let mails: Vec<(String, String)> =
        sqlx::query_as("SELECT subject, body_text FROM outbox_mail").fetch_all(&app.pool).await.unwrap();
    assert!(mails.iter().any(|(_, body)| body.contains(&file_routes[2].1)), "the papers' mail links the paper");
    for (subject, body) in &mails {
        assert!(!format!("{subject}\n{body}").to_lowercase().contains(MARKER), "a mail carries the name: {body}");
    }

    // Each file downloads under the name it was uploaded under, encoded: the quotes and the accents only in
    // the percent-encoded `filename*`.
    for (_, file, reader) in &file_routes {
        let response = world.clients[reader.index()].get(app.url(file)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{file} as {reader}");
        let disposition = response.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
        assert_one_safe_line(&disposition, file);
        assert!(disposition.to_lowercase().contains(MARKER), "{file} keeps its name: {disposition}");
        assert_eq!(response.bytes().await.unwrap().as_ref(), continuum_tests::world::PDF, "{file}");
        // Every kind, receipts included, keeps the name as given.
        assert_eq!(
            disposition,
            "inline; filename=\"R_f_r_ _ZEBRAFILE_ notes.pdf\"; \
             filename*=UTF-8''R%C3%A9f%C3%A9r%C3%A9%20%22ZEBRAFILE%22%20notes.pdf",
            "{file}"
        );
    }
}

/// An address that ended in the uploaded name, from before: a 308 to the file's own address, whose `Location`
/// carries no name, for every kind of file.
async fn an_old_address_with_the_name_moves_to_the_one_without(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed_uploading_as(&app, Some(SENT_NAME)).await;
    for (_, file, reader) in files(&world) {
        let (folder, _) = file.rsplit_once('/').unwrap();
        let old = format!("{folder}/R%C3%A9f%C3%A9r%C3%A9-zebrafile-notes.pdf");
        let response = world.clients[reader.index()].get(app.url(&old)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{old}");
        assert_eq!(location(&response), file, "{old}");
        // The redirect reads nothing: someone signed out is sent on and asked to sign in at the new address.
        let anonymous = world.clients[Person::Anonymous.index()].get(app.url(&old)).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::PERMANENT_REDIRECT, "{old} signed out");
        assert_eq!(location(&anonymous), file, "{old} signed out");
    }
}

/// A name with a quote, a line break and an accent, however it came to be stored, is encoded and never
/// injected: a multipart header cannot carry a line break, so the test stores one to prove the download
/// sends it as one safe line (no header of its own, no end to the quoted name).
async fn a_name_with_quotes_line_breaks_and_accents_is_encoded_not_injected(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = World::seed_uploading_as(&app, Some(SENT_NAME)).await;
    let id = &world.values["leaflet_id"];
    sqlx::query("UPDATE leaflet SET file_name = $1 WHERE id = $2")
        .bind("Café \"zebrafile\"\r\nSet-Cookie: stolen=1.pdf")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    let response = app.anonymous_get(&format!("/leaflets/{id}/leaflet.pdf")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get(header::SET_COOKIE).is_none(), "no header is injected");
    let disposition = response.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert_eq!(
        disposition,
        "inline; filename=\"Caf_ _zebrafile_Set-Cookie: stolen=1.pdf\"; \
         filename*=UTF-8''Caf%C3%A9%20%22zebrafile%22Set-Cookie%3A%20stolen%3D1.pdf"
    );

    // An export named from a typed title: the title is in neither the address nor any link to it, and the
    // name in `Content-Disposition` is safe.
    let manager = &world.clients[Person::Manager.index()];
    let service = &world.values["service"];
    let title = "Zebrafile \"survey\" é";
    let form = app.open_feedback_form(manager, service, title, "fft", "anonymous").await;
    let address = format!("/consultation/forms/{}/responses.csv", form.id);
    let results = manager.get(app.url(&format!("/consultation/forms/{}/results", form.id))).send().await.unwrap();
    let results = results.text().await.unwrap();
    assert!(results.contains(&format!("href=\"{address}")), "the results page links the export");
    let csv = manager.get(app.url(&address)).send().await.unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let disposition = csv.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert_one_safe_line(&disposition, &address);
    assert!(
        disposition.starts_with("attachment; filename=\"responses-") && disposition.contains(MARKER),
        "{disposition}"
    );
    assert!(!address.to_lowercase().contains(MARKER), "{address}");
}

on_both_engines!(
    no_uploaded_file_name_travels_in_an_address_page_or_mail,
    an_old_address_with_the_name_moves_to_the_one_without,
    a_name_with_quotes_line_breaks_and_accents_is_encoded_not_injected,
);
