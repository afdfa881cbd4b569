package appclient

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// specFile returns the path of name in ../shared/spec, where the project's
// workspace and CI keep the AWS model extract and the rule book, beside the
// repository; a clone elsewhere does not have them. It looks there only, not
// further up the tree, so that an unrelated shared/ directory is never read.
//
// When the file is absent the test is skipped, with a message that says
// what is not checked, unless APPCLIENT_REQUIRE_SPEC is set (.ci/run sets it):
// then the absence is a failure.
func specFile(t *testing.T, name, unchecked string) string {
	t.Helper()
	path := filepath.Join("..", "shared", "spec", name)
	_, err := os.Stat(path)
	switch {
	case err == nil:
		return path
	case !errors.Is(err, os.ErrNotExist):
		t.Fatal(err)
	case os.Getenv("APPCLIENT_REQUIRE_SPEC") != "":
		t.Fatalf("%s is absent and APPCLIENT_REQUIRE_SPEC is set: %s is not checked", path, unchecked)
	}
	t.Skipf("%s is absent (it sits beside the repository in the project's workspace and in CI; set APPCLIENT_REQUIRE_SPEC=1 to make this a failure): %s is not checked", path, unchecked)
	return ""
}
