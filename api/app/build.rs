// The Fluent files (api/locales) are compiled into the binary: rebuild when one changes.
fn main() {
    println!("cargo:rerun-if-changed=../locales");
}
