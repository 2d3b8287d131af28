// The Fluent files are compiled into the binary: rebuild when one changes.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
