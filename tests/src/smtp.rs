//! A small but real SMTP server on loopback: it speaks the protocol lettre speaks (EHLO, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT), keeps every message it accepts, and can be started on a chosen port, so a test can
//! have the SMTP server "come back" where Continuum expects it.

use std::{sync::Arc, time::Duration};

use base64::{engine::general_purpose::STANDARD, Engine as _};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    sync::Mutex,
    task::JoinHandle,
};

#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    /// The decoded text body.
    pub body: String,
    /// The whole message as received.
    pub raw: String,
}

pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    server: JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl SmtpSink {
    /// Starts on a free port.
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// Starts on `port` (0 for any free port).
    pub async fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("bind the SMTP sink");
        let port = listener.local_addr().expect("address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        let server = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let _ = serve(stream, store).await;
                });
            }
        });
        Self { port, received, server }
    }

    /// A port with nothing listening on it (yet).
    pub async fn free_port() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        listener.local_addr().expect("address").port()
    }

    pub async fn all(&self) -> Vec<ReceivedMail> {
        self.received.lock().await.clone()
    }

    /// Waits for a message to `to` whose subject contains `subject`.
    pub async fn wait_for_subject(&self, to: &str, subject: &str, within: Duration) -> ReceivedMail {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let found = self
                .received
                .lock()
                .await
                .iter()
                .find(|m| m.to.iter().any(|t| t == to) && m.subject.contains(subject))
                .cloned();
            if let Some(mail) = found {
                return mail;
            }
            if tokio::time::Instant::now() >= deadline {
                let arrived: Vec<String> = self.all().await.into_iter().map(|m| m.subject).collect();
                panic!("no mail to {to} about {subject:?} within {within:?}; arrived: {arrived:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for a message to `to`; panics with what did arrive if none comes in time.
    pub async fn wait_for(&self, to: &str, within: Duration) -> ReceivedMail {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(mail) = self.received.lock().await.iter().find(|m| m.to.iter().any(|t| t == to)).cloned() {
                return mail;
            }
            if tokio::time::Instant::now() >= deadline {
                let arrived: Vec<Vec<String>> = self.all().await.into_iter().map(|m| m.to).collect();
                panic!("no mail to {to} within {within:?}; arrived: {arrived:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn serve(stream: TcpStream, store: Arc<Mutex<Vec<ReceivedMail>>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 localhost ESMTP test sink\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            write.write_all(b"250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command["MAIL FROM:".len()..]);
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&command["RCPT TO:".len()..]));
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
            let mut raw = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                // Undo dot-stuffing.
                raw.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
            }
            let mail = parse(&from, &to, raw);
            store.lock().await.push(mail);
            write.write_all(b"250 OK queued\r\n").await?;
        } else if upper == "RSET" {
            from.clear();
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "NOOP" {
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 Bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 Command not implemented\r\n").await?;
        }
    }
}

fn address(text: &str) -> String {
    text.trim().trim_start_matches('<').split('>').next().unwrap_or_default().to_owned()
}

/// Splits headers from body and decodes the body's transfer encoding (quoted-printable or base64).
fn parse(from: &str, to: &[String], raw: String) -> ReceivedMail {
    let normalised = raw.replace("\r\n", "\n");
    let (headers, body) = normalised.split_once("\n\n").unwrap_or((&normalised, ""));
    // Unfold continued header lines.
    let headers = headers.replace("\n ", " ").replace("\n\t", " ");
    let header = |name: &str| {
        headers
            .lines()
            .find_map(|l| {
                l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_owned())
            })
            .unwrap_or_default()
    };
    let encoding = header("Content-Transfer-Encoding").to_ascii_lowercase();
    let body = match encoding.as_str() {
        "base64" => String::from_utf8_lossy(&STANDARD.decode(body.replace('\n', "")).unwrap_or_default()).into_owned(),
        "quoted-printable" => decode_quoted_printable(body),
        _ => body.to_owned(),
    };
    ReceivedMail { from: from.to_owned(), to: to.to_vec(), subject: header("Subject"), body, raw }
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_printable_soft_breaks_and_escapes_are_decoded() {
        assert_eq!(
            super::decode_quoted_printable("a link=\nhttp://x/?token=3Dabc =C3=A9"),
            "a linkhttp://x/?token=abc é"
        );
    }
}
