#[tokio::main]
async fn main() -> std::process::ExitCode {
    continuum::cli::main().await
}
