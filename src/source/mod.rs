pub mod clean; pub mod html;
