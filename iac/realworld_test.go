package iac

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// realWorld are the public files in testdata/realworld (their sources are
// in testdata/realworld/SOURCES) that define app clients, with the number
// of clients each defines. Serverless services are counted at the fragment
// that holds their clients.
var realWorld = map[string]int{
	"AnomalyInnovations_serverless-stack-demo-api/resources/cognito-user-pool.yml":               1,
	"ArunAK4_terraform-uc/usecase-12/modules/cognito/main.tf":                                    1,
	"Dromadon_hallebarde/deploy/modules/cognito/e2e_client.tf":                                   1,
	"Dromadon_hallebarde/deploy/modules/cognito/local_client.tf":                                 1,
	"Dromadon_hallebarde/deploy/modules/cognito/webapp_client.tf":                                1,
	"JamesWoolfenden_terraform-aws-cognito/aws_cognito_user_pool_client.cli.tf":                  1,
	"JamesWoolfenden_terraform-aws-cognito/aws_cognito_user_pool_client.web.tf":                  1,
	"Karol172_todo-with-cognito/terraform/modules/cognito_user_pool_client/main.tf":              1,
	"Linuxander_Terraform_AWS_Serverless_Infrastructure/cognito/user_pool_client.tf":             1,
	"PalituxD_password-less-app/services/my-app-auth/resources/cognito-user-pool-client.yml":     1,
	"SBW-Cloudworks_ClickStream.Terraform/Terraform/main.tf":                                     1,
	"TIQQE_twiqqs/resources/cognito-user-pool.yml":                                               1,
	"TalkingAWS_apigw_cognito/resources/cognito-user-pool.yml":                                   1,
	"albertschwarzkopf_serverless-password-manager/backend/resources/cognito-user-pool.yml":      1,
	"birkoff_terraform-aws-cognito-userpool/user_pool_client.tf":                                 2,
	"bscaspar_serverless-cognito-auth/resources/cognito-user-pool.yml":                           1,
	"carlhueffmeier_mister-mail/backend/resources/cognito-user-pool.yml":                         1,
	"chief-wizard_serverless-appsync-chat-app/resources/cognito-user-pool.yml":                   1,
	"dwp_dataworks-analytical-frontend-service/terraform/modules/cognito-app/app_client.tf":      1,
	"gc-ss_rules-dev/examples/tf/aws_cognito_user_pool_client/aws_cognito_user_pool_client_1.tf": 1,
	"gc-ss_rules-dev/examples/tf/aws_cognito_user_pool_client/aws_cognito_user_pool_client_2.tf": 1,
	"gc-ss_rules-dev/examples/tf/aws_cognito_user_pool_client/aws_cognito_user_pool_client_3.tf": 1,
	"hoalongnatsu_serverless-series/bai-6/terraform-start/cognito.tf":                            1,
	"karmaniverous_aws-api-template/serverless.yml":                                              1,
	"limalucas99_resources-aws-terraform/environments/prod/modules/cognito/main.tf":              1,
	"melvyndekort_get-cookies/terraform/cognito.tf":                                              1,
	"parraclaudiofiap_tf_auth_aws/cognito.tf":                                                    1,
	"philschmid_aws-cognito-create-pool/serverless.yaml":                                         1,
	"sugiyama404_practice_cognito/infra/modules/cognito/aws_cognito_user_pool_client.tf":         1,
	"team-tech-challenge_terraform-modules-remotes/aws_cognito_user_pool_client/main.tf":         1,
	"vocably_vocably-pro/platform/auth.tf":                                                       1,
}

// realWorldErrors are the errors real files draw, each one that Cognito
// does reject according to the rule book.
var realWorldErrors = []violation{
	// aws.cognito.signin.user.admin with client_credentials: O4, a
	// reserved scope (seen for openid and email; the rule book lists
	// all five).
	{"aws_cognito_user_pool_client.api_client", "AllowedOAuthScopes[0]", "client-credentials-reserved-scope", 31, false},
	// An ALLOW_ list without ALLOW_REFRESH_TOKEN_AUTH and rotation off:
	// F2, seen ("REFRESH_TOKEN_AUTH should always be allowed.").
	{"aws_cognito_user_pool_client.api_client", "ExplicitAuthFlows", "refresh-token-auth-required", 26, false},
}

// TestRealWorld reads every collected public file: each is read without an
// input error, every client is found, and the only errors are the ones
// Cognito really gives.
func TestRealWorld(t *testing.T) {
	const root = "testdata/realworld"
	files, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	var findings []violation
	for _, f := range files {
		if errs := inputErrors(f); errs != nil {
			t.Errorf("input errors: %q", errs)
		}
		for _, c := range f.Clients {
			rel, _ := filepath.Rel(root, c.File)
			got[filepath.ToSlash(rel)]++
		}
		findings = append(findings, violations(f)...)
	}
	if diff := cmp.Diff(realWorld, got); diff != "" {
		t.Errorf("clients per file mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(realWorldErrors, findings); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	if len(realWorld) < 25 {
		t.Errorf("%d real-world files, want at least 25", len(realWorld))
	}
}

// TestRealWorldSources checks that every collected file has its source
// recorded, and every recorded source is there.
func TestRealWorldSources(t *testing.T) {
	const root = "testdata/realworld"
	f, err := os.Open(filepath.Join(root, "SOURCES"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recorded := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 || len(fields[2]) != 40 {
			t.Errorf("SOURCES line %q: want directory, repository, 40-digit commit and path, tab-separated", line)
			continue
		}
		recorded[fields[0]+"/"+fields[3]] = true
	}
	present := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "SOURCES" {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		present[filepath.ToSlash(rel)] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(recorded, present); diff != "" {
		t.Errorf("SOURCES mismatch with the files (-recorded +present):\n%s", diff)
	}
}
