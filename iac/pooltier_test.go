package iac

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoolTierProvenance checks that a feature-plan violation says what
// the pool's user_pool_tier rests on: a variable's default, which a
// deployment can override, or the argument a module's caller passes.
func TestPoolTierProvenance(t *testing.T) {
	dir := t.TempDir()
	module := `variable "tier" {
  type    = string
  default = "LITE"
}

resource "aws_cognito_user_pool" "pool" {
  name           = "pool"
  user_pool_tier = var.tier
}

resource "aws_cognito_user_pool_client" "app" {
  name                = "app"
  user_pool_id        = aws_cognito_user_pool.pool.id
  explicit_auth_flows = ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}
`
	caller := `module "auth" {
  source = "../auth"
  tier   = "LITE"
}
`
	literal := strings.Replace(module, "var.tier", `"LITE"`, 1)
	for name, text := range map[string]string{"auth/main.tf": module, "root/main.tf": caller, "literal/main.tf": literal} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		dir, resource, want, wantNot string
	}{
		{"auth", "aws_cognito_user_pool_client.app", "(with the default of var.tier, which a deployment can override)", ""},
		{"root", "module.auth.aws_cognito_user_pool_client.app", "(with module.auth's argument tier at " + filepath.Join(dir, "root", "main.tf") + ":3)", "with the default of"},
		{"literal", "aws_cognito_user_pool_client.app", "", "(with"},
	} {
		files, err := Read(filepath.Join(dir, tc.dir))
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, f := range files {
			for _, c := range f.Clients {
				if c.Resource != tc.resource {
					continue
				}
				for _, fd := range CheckPool(c, f.PoolResources()) {
					if fd.Rule == "feature-plan" {
						msgs = append(msgs, fd.Message)
					}
				}
			}
		}
		if len(msgs) != 1 {
			t.Errorf("%s: feature-plan findings %q, want one", tc.dir, msgs)
			continue
		}
		if !strings.Contains(msgs[0], tc.want) {
			t.Errorf("%s: message %q, want it to contain %q", tc.dir, msgs[0], tc.want)
		}
		if tc.wantNot != "" && strings.Contains(msgs[0], tc.wantNot) {
			t.Errorf("%s: message %q, want no %q", tc.dir, msgs[0], tc.wantNot)
		}
	}
}
