-- The release notes page a release step reported (jxe step changelog --release), shown with the
-- activity's version like PipelineActivity's releaseNotesURL. Null for runs that released nothing.
ALTER TABLE activities ADD COLUMN release_notes_url TEXT;
