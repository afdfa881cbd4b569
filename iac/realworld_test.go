package iac

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cognitokit/appclient"
	"github.com/google/go-cmp/cmp"
)

// realWorld are the public files in testdata/realworld (their sources are
// in testdata/realworld/SOURCES) that define app clients, with the number
// of clients each defines. Serverless services are counted at the fragment
// that holds their clients.
var realWorld = map[string]int{
	"0awful_Federated-React-Template/amplify/backend/auth/authmicrofrontendb289f09a/authmicrofrontendb289f09a-cloudformation-template.yml": 2,
	"1412128_Login-AWS-Cognito/amplify/backend/auth/authtest04edd3c9/authtest04edd3c9-cloudformation-template.yml":                         2,
	"2020-fall-adv-cloud_basic-authentication/amplify/backend/auth/basicauth20f8bd9cbc7/basicauth20f8bd9cbc7-cloudformation-template.yml":  2,
	"AhmedAlSaey_Space-Finder-CDK-Backend/cdk.out/Space-finder.template.json":                                                              1,
	"AnomalyInnovations_serverless-stack-demo-api/resources/cognito-user-pool.yml":                                                         1,
	"ArunAK4_terraform-uc/usecase-12/modules/cognito/main.tf":                                                                              1,
	"Asilomare_CDK-OAuth-Cognito-APIGateway/cdk.out/cognitoStack.template.json":                                                            1,
	"Dromadon_hallebarde/deploy/modules/cognito/e2e_client.tf":                                                                             1,
	"Dromadon_hallebarde/deploy/modules/cognito/local_client.tf":                                                                           1,
	"Dromadon_hallebarde/deploy/modules/cognito/webapp_client.tf":                                                                          1,
	"JamesWoolfenden_terraform-aws-cognito/aws_cognito_user_pool_client.cli.tf":                                                            1,
	"JamesWoolfenden_terraform-aws-cognito/aws_cognito_user_pool_client.web.tf":                                                            1,
	"Karol172_todo-with-cognito/terraform/modules/cognito_user_pool_client/main.tf":                                                        1,
	"KitaharaMugiro_AppSync-StartKit/resources/cognito.yml":                                                                                1,
	"Linuxander_Terraform_AWS_Serverless_Infrastructure/cognito/user_pool_client.tf":                                                       1,
	"MosesUgwulo_cognito-demo-app/cdk.out/AuthStack.template.json":                                                                         1,
	"PalituxD_password-less-app/services/my-app-auth/resources/cognito-user-pool-client.yml":                                               1,
	"RusbehAbtahi_Aistratus/terraform/10_global_backend/modules/core/auth/main.tf":                                                         1,
	"SBW-Cloudworks_ClickStream.Terraform/Terraform/main.tf":                                                                               1,
	"SPARCS-UP-Mindanao_SPARCS-Auth-Service/resources/cognito.yml":                                                                         1,
	"TIQQE_twiqqs/resources/cognito-user-pool.yml":                                                                                         1,
	"TalkingAWS_apigw_cognito/resources/cognito-user-pool.yml":                                                                             1,
	"albertschwarzkopf_serverless-password-manager/backend/resources/cognito-user-pool.yml":                                                1,
	"aws-cloudformation_aws-cloudformation-templates/RainModules/cognito.yml":                                                              1,
	"aws-cloudformation_aws-cloudformation-templates/Solutions/WebApp/webapp.json":                                                         1,
	"aws-cloudformation_aws-cloudformation-templates/Solutions/WebApp/webapp.yaml":                                                         1,
	"aws-samples_amazon-cognito-passwordless-email-auth/cognito/template.yaml":                                                             1,
	"aws-samples_serverless-patterns/alb-cognito-lambda/template.yaml":                                                                     1,
	"aws-samples_serverless-patterns/apigw-cognito-certificate-bound-access-token/template.yaml":                                           1,
	"aws-samples_serverless-patterns/apigw-websocket-api-lambda-authorizer/template.yaml":                                                  1,
	"aws-samples_serverless-patterns/cognito-httpapi/auth.yaml":                                                                            1,
	"aws-samples_serverless-patterns/cognito-restapi-vpclink/auth.yml":                                                                     1,
	"aws-samples_serverless-patterns/cognito-user-pool/template.yaml":                                                                      1,
	"aws-samples_serverless-patterns/eventbridge-api-destinations/12-oauth-api-cmk-encryption/prerequisite.yaml":                           1,
	// Name twice in a CachePolicy's CachePolicyConfig, no client:
	// CloudFormation deploys the last, and so does the reader.
	"aws-samples_serverless-patterns/sam-webapp-cognito/template.yaml":                                                                         1,
	"aws-samples_serverless-patterns/strands-agentcore-apigw/infrastructure/template.yaml":                                                     1,
	"awslabs_aws-amplify-identity-broker/amplify/backend/auth/amplifyIdentityBrokerAuth/amplifyIdentityBrokerAuth-cloudformation-template.yml": 2,
	"birkoff_terraform-aws-cognito-userpool/user_pool_client.tf":                                                                               2,
	"bscaspar_serverless-cognito-auth/resources/cognito-user-pool.yml":                                                                         1,
	"carlhueffmeier_mister-mail/backend/resources/cognito-user-pool.yml":                                                                       1,
	"chief-wizard_serverless-appsync-chat-app/resources/cognito-user-pool.yml":                                                                 1,
	"dasmeta_terraform-aws-modules/modules/cognito-identity-pool-final/client.tf":                                                              1,
	"dasmeta_terraform-aws-modules/modules/cognito-user-pool/clients.tf":                                                                       1,
	"dwp_dataworks-analytical-frontend-service/terraform/modules/cognito-app/app_client.tf":                                                    1,
	"elvisyung_aws-serverless-application-backend/cdk.out/AuthStack.template.json":                                                             1,
	"gc-ss_rules-dev/examples/tf/aws_cognito_user_pool_client/aws_cognito_user_pool_client_1.tf":                                               1,
	"gc-ss_rules-dev/examples/tf/aws_cognito_user_pool_client/aws_cognito_user_pool_client_2.tf":                                               1,
	"gc-ss_rules-dev/examples/tf/aws_cognito_user_pool_client/aws_cognito_user_pool_client_3.tf":                                               1,
	"hiro9108_aws-cognito-serverlessFramework/resources/cognito.yml":                                                                           1,
	"hoalongnatsu_serverless-series/bai-6/terraform-start/cognito.tf":                                                                          1,
	"inagozeixd_space-finder/cdk.out/AuthStack.template.json":                                                                                  1,
	"jitunayak_cognito-api-gateway/resources/cognito.yml":                                                                                      1,
	"jitunayak_cognito-api-gateway/resources/resources.yml":                                                                                    1,
	"karmaniverous_aws-api-template/serverless.yml":                                                                                            1,
	"kingashok06_project/cdk.out/CognitoStack6DB0B004.template.json":                                                                           1,
	"lgallard_terraform-aws-cognito-user-pool/client.tf":                                                                                       1,
	"limalucas99_resources-aws-terraform/environments/prod/modules/cognito/main.tf":                                                            1,
	"martinraynov_cognito_terraform/client/client_application1.tf":                                                                             1,
	"martinraynov_cognito_terraform/client/client_application2.tf":                                                                             1,
	"martinraynov_cognito_terraform/full/application1.tf":                                                                                      1,
	"melvyndekort_get-cookies/terraform/cognito.tf":                                                                                            1,
	"mineiros-io_terraform-aws-cognito-user-pool/main.tf":                                                                                      1,
	"mojayaute_aws-back/cdk.out/AuthStack.template.json":                                                                                       1,
	"p2arthur_SpacesFinder/cdk.out/AuthStack.template.json":                                                                                    1,
	"parraclaudiofiap_tf_auth_aws/cognito.tf":                                                                                                  1,
	"philschmid_aws-cognito-create-pool/serverless.yaml":                                                                                       1,
	"sagarlakshmipathy_self-service-reporting/cdk.out/AuthenticationStack.template.json":                                                       1,
	"sitadconsulting_aws_infra/modules/cognito_user_pool_client/cognito_user_pool_client.tf":                                                   1,
	"squidfunk_terraform-aws-cognito-auth/modules/identity/main.tf":                                                                            1,
	"stylingadventures-org_stylingadventures/cdk.out/IdentityV2Stack.template.json":                                                            1,
	"sugiyama404_practice_cognito/infra/modules/cognito/aws_cognito_user_pool_client.tf":                                                       1,
	"team-tech-challenge_terraform-modules-remotes/aws_cognito_user_pool_client/main.tf":                                                       1,
	"umurari_terraform-cognito/cognito/terraform.tfstate":                                                                                      1,
	"umurari_terraform-cognito/modules/cognito/terraform.tfstate":                                                                              1,
	"umurari_terraform-cognito/modules/cognito/userpoolclient/Cognito_user_pool_client.tf":                                                     1,
	"vocably_vocably-pro/platform/auth.tf":                                                                                                     1,
	"wellcomecollection_storage-service/demo/terraform/demo_stack/cognito.tf":                                                                  1,
	"wellcomecollection_storage-service/terraform/modules/app_client/main.tf":                                                                  1,
	// Added for issue 16: managed login version 2 with its branding
	// (insolvia), explicit empty lists (EMAsphere), and more Terraform and
	// Serverless services from repositories not in the set before.
	"AmericanGoulash_terraform-cognito-module/cognito.tf":                        1,
	"AventusDAO_terraform-aws-module-avn-gateway/cognito.tf":                     1,
	"CaringalML_Serverless-Auth-with-AWS-Cognito/cognito.tf":                     1,
	"DaveButland_sans-terraform/cognito.tf":                                      1,
	"DevZep_cfi-referral-api/resources/cognito-user-pool.yml":                    1,
	"EMAsphere_terraform-aws-cognito-google-oauth-with-custom-domain/cognito.tf": 1,
	"FPGSchiba_strokes-backend/cognito.tf":                                       1,
	"Goltschut-LLC_market-data/cognito.tf":                                       1,
	"Headhuntr-IO_infrastructure-terraform/cognito.tf":                           1,
	"Heero04_phantomwall/cognito.tf":                                             1,
	"JM0rg_HackTracker/terraform/cognito.tf":                                     1,
	"KumoCMS_terraform-aws-kumocms-regional/cognito.tf":                          1,
	"MaximilianoAguirre_tf-aws-photo-album/cognito.tf":                           1,
	"Muhammad-Imad_terraform-aws-cognito-passwordless/cognito.tf":                1,
	"Rigellute_walk-the-world-backend/resources/cognito-user-pool.yml":           1,
	"TechnicalPursuit_aws-passthrough-tibet/resources/cognito-user-pool.yml":     1,
	"ZainWWF_halt-aws-serverless-graphql/resources/cognito-user-pool.yml":        1,
	"alfredtuffreau_bliblou-identities-config/resources/cognito-user-pool.yml":   1,
	"chinh-dev11_mysite-sls-auth-api/resources/cognito-user-pool.yml":            1,
	"insolvia-ai_insolvia/infra/modules/auth/main.tf":                            1,
	// An aws_cognito_managed_user_pool_client: the client OpenSearch
	// creates, found by name_prefix; every member it leaves out is unknown.
	"digitalorganising_cac/terraform/opensearch-auth.tf": 1,
	// More Terraform configurations from new repositories: no error.
	"7twoduo_cognito-demo/cognito.tf":                                1,
	"CaringalML_pureserverless/cognito.tf":                           1,
	"Cris-C10_larohub-auth-portal/cognito_client.tf":                 1,
	"DaichiAndoh_terraform-simple-web-app-infrastructure/cognito.tf": 1,
	"JKC-Projects_cross-project.identityinfra/cognito.tf":            1,
	"LiangtaoHu_resume_RAG/lambda/authorization/cognito.tf":          1,
	"ManuDITA_IMSatUvA/cognito.tf":                                   1,
	"Avb2_aws-ticket-site/cognito.tf":                                1,
	// One module, three roots: dev on its own with its terraform.tfvars
	// (a root that configures a backend, though prod and stg call it as
	// a module), and prod and stg through dev.
	"vanhoangkha_S3-Upload-Feature-Demo/infra/modules/cognito/main.tf": 3,
	// Modules with their example roots: dynamic analytics_configuration
	// and token_validity_units blocks fed by a caller's list of objects
	// (7clouds, three examples), for_each over a map of client objects
	// (jhonmezaa, two examples of two clients each), count toggles with
	// lookup and try (data-platform-hq, a managed client beside), OAuth
	// switched on by variable defaults (techservicesillinois).
	"7clouds-terraform-modules_terraform-aws-cognito-client/main.tf": 3,
	"data-platform-hq_terraform-aws-cognito-user-pool/main.tf":       2,
	"jhonmezaa_terraform-aws-cognito/cognito/2-app-clients.tf":       4,
	"techservicesillinois_terraform-aws-cognito/main.tf":             1,
	// A client of a stack nested by a local TemplateURL, read through the
	// template that nests it (as CognitoStack.UserPoolClient), once; and
	// two templates whose redirect URLs are parameters without defaults.
	"awslabs_time-addressable-media-store/templates/cognito.yaml": 1,
	"BrentIO_FireFly-Cloud/templates/cognito.yaml":                1,
	"yuki5155_go-aws/templates/cognito.yaml":                      1,
}

// realWorldError is an error finding on a collected file.
type realWorldError struct {
	// File is the file's path under testdata/realworld.
	File string
	V    violation
}

// realWorldErrors are the errors real files draw, Check's and CheckPool's
// alike, each one that Cognito does reject according to the rule book.
var realWorldErrors = []realWorldError{
	// The pinpoint_analytics example passes the placeholders
	// "place_your_aws_pinpoint_id_here" and "place_your_role_arn_here"
	// through ANALYTICS_CONFIGURATION_BLOCK: an ApplicationId is
	// hexadecimal and a RoleArn an ARN, and Cognito rejects both.
	{"7clouds-terraform-modules_terraform-aws-cognito-client/main.tf", violation{"module.cognito_user_pool_client.aws_cognito_user_pool_client.this", "AnalyticsConfiguration.ApplicationId", "pattern", 13, false}},
	{"7clouds-terraform-modules_terraform-aws-cognito-client/main.tf", violation{"module.cognito_user_pool_client.aws_cognito_user_pool_client.this", "AnalyticsConfiguration.RoleArn", "pattern", 15, false}},
	// Google is the aws_cognito_identity_provider.google of the same
	// file, and nothing orders the client after it (no reference, no
	// depends_on): P6, true.
	{"CaringalML_Serverless-Auth-with-AWS-Cognito/cognito.tf", violation{"aws_cognito_user_pool_client.main", "SupportedIdentityProviders[1]", "dependency-order", 93, false}},
	// test/user is a scope of aws_cognito_resource_server.sans_website of
	// the same file, which the client neither references nor names in
	// depends_on: P6, true.
	{"DaveButland_sans-terraform/cognito.tf", violation{"aws_cognito_user_pool_client.sans_website", "AllowedOAuthScopes[0]", "dependency-order", 288, false}},
	// aws.cognito.signin.user.admin with client_credentials: O4, a
	// reserved scope (seen for openid and email; the rule book lists
	// all five).
	{"birkoff_terraform-aws-cognito-userpool/user_pool_client.tf", violation{"aws_cognito_user_pool_client.api_client", "AllowedOAuthScopes[0]", "client-credentials-reserved-scope", 31, false}},
	// An ALLOW_ list without ALLOW_REFRESH_TOKEN_AUTH and rotation off:
	// F2, seen ("REFRESH_TOKEN_AUTH should always be allowed.").
	{"birkoff_terraform-aws-cognito-userpool/user_pool_client.tf", violation{"aws_cognito_user_pool_client.api_client", "ExplicitAuthFlows", "refresh-token-auth-required", 26, false}},
	// The module's defaults turn OAuth on (true) and leave flows and
	// scopes null: O1 for each list, which rules.md section 7 decides with
	// variable defaults and says so in the message.
	{"sitadconsulting_aws_infra/modules/cognito_user_pool_client/cognito_user_pool_client.tf", violation{"aws_cognito_user_pool_client.cognito_user_pool_client", "AllowedOAuthFlows", "oauth-flows-and-scopes-required", 3, true}},
	{"sitadconsulting_aws_infra/modules/cognito_user_pool_client/cognito_user_pool_client.tf", violation{"aws_cognito_user_pool_client.cognito_user_pool_client", "AllowedOAuthScopes", "oauth-flows-and-scopes-required", 5, true}},
	// The same defaults propagate additional user context data (true)
	// without a secret (generate_secret false): S2.
	{"sitadconsulting_aws_infra/modules/cognito_user_pool_client/cognito_user_pool_client.tf", violation{"aws_cognito_user_pool_client.cognito_user_pool_client", "EnablePropagateAdditionalUserContextData", "context-data-needs-secret", 9, true}},
	// allowed_oauth_flows_user_pool_client defaults to true and the
	// flows and scopes to []: O1 for each list, with the defaults.
	{"techservicesillinois_terraform-aws-cognito/main.tf", violation{"aws_cognito_user_pool_client.default", "AllowedOAuthFlows", "oauth-flows-and-scopes-required", 15, true}},
	{"techservicesillinois_terraform-aws-cognito/main.tf", violation{"aws_cognito_user_pool_client.default", "AllowedOAuthScopes", "oauth-flows-and-scopes-required", 17, true}},
	// SignInWithApple is the aws_cognito_identity_provider.apple of the
	// same configuration, but depends_on names only the Google provider:
	// P6, Terraform may create the client first.
	{"vocably_vocably-pro/platform/auth.tf", violation{"aws_cognito_user_pool_client.client", "SupportedIdentityProviders[1]", "dependency-order", 341, false}},
}

// realWorldInputErrors are the input errors real files draw, each one
// that CloudFormation really rejects.
var realWorldInputErrors = []string{
	// ClientId is no property of AWS::Cognito::UserPoolClient (its
	// resource schema allows no other properties).
	`testdata/realworld/aws-samples_serverless-patterns/eventbridge-api-destinations/12-oauth-api-cmk-encryption/prerequisite.yaml:79:7: MyWebClient: AWS::Cognito::UserPoolClient has no property "ClientId"`,
	// prod passes log_level = "warn" to dev's variable, whose validation
	// takes only "DEBUG", "INFO", "WARN" or "ERROR" (contains is case
	// sensitive): terraform plan fails in prod.
	`testdata/realworld/vanhoangkha_S3-Upload-Feature-Demo/infra/modules/cognito/main.tf:34:1: module.dms.module.cognito.aws_cognito_user_pool_client.main: Terraform refuses the plan: variable "log_level" of module.dms fails its validation: "Log level must be one of: DEBUG, INFO, WARN, ERROR." (testdata/realworld/vanhoangkha_S3-Upload-Feature-Demo/infra/envs/dev/variables.tf:42) (with module.dms's argument log_level at testdata/realworld/vanhoangkha_S3-Upload-Feature-Demo/infra/envs/prod/main.tf:30)`,
}

// TestRealWorld reads every collected public file: each is read without an
// input error but those of realWorldInputErrors, every client is found,
// and the only errors of Check and CheckPool are the ones Cognito really
// gives.
func TestRealWorld(t *testing.T) {
	const root = "testdata/realworld"
	files, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	var findings []realWorldError
	var inputErrs []string
	for _, f := range files {
		inputErrs = append(inputErrs, inputErrors(f)...)
		for _, c := range f.Clients {
			rel, _ := filepath.Rel(root, c.File)
			rel = filepath.ToSlash(rel)
			got[rel]++
			for _, fd := range append(Check(c), CheckPool(c, f.PoolResources())...) {
				if fd.Severity != appclient.SeverityError || c.Ignores(fd.Rule) {
					continue
				}
				findings = append(findings, realWorldError{rel, violation{fd.Resource, fd.Field, fd.Rule, fd.Pos.Line, strings.Contains(fd.Message, "with the default of")}})
			}
		}
	}
	for i := range inputErrs {
		inputErrs[i] = filepath.ToSlash(inputErrs[i])
	}
	if diff := cmp.Diff(realWorldInputErrors, inputErrs); diff != "" {
		t.Errorf("input errors mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(realWorld, got); diff != "" {
		t.Errorf("clients per file mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(realWorldErrors, findings); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	// A service's fragment read on its own, as a user may give it, draws
	// no error either: its Serverless variables stay unknown.
	for _, f := range files {
		if f.Kind != KindServerless {
			continue
		}
		for _, c := range f.Clients {
			if c.File == f.Name {
				continue
			}
			alone, err := ReadFile(c.File)
			if err != nil {
				t.Fatal(err)
			}
			if errs := inputErrors(alone); errs != nil {
				t.Errorf("%s read alone: input errors %q", c.File, errs)
			}
			for _, ac := range alone.Clients {
				for _, fd := range append(Check(ac), CheckPool(ac, alone.PoolResources())...) {
					if fd.Severity == appclient.SeverityError {
						t.Errorf("%s read alone: %s: %s: %s (%s)", c.File, fd.Resource, fd.Field, fd.Message, fd.Rule)
					}
				}
			}
		}
	}
	if len(realWorld) < 110 {
		t.Errorf("%d real-world files, want at least 110", len(realWorld))
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
