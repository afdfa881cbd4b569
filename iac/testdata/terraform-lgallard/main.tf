# A root module calling the public lgallard/cognito-user-pool module as
# terraform init installs it from the registry (.terraform/modules), its
# clients passed as a list.
module "aws_cognito_user_pool" {
  source  = "lgallard/cognito-user-pool/aws"
  version = "4.0.0"

  user_pool_name = "shop"

  clients = [
    {
      name                                 = "web"
      allowed_oauth_flows_user_pool_client = true
      allowed_oauth_flows                  = ["code"]
      allowed_oauth_scopes                 = ["openid", "email"]
      supported_identity_providers         = ["COGNITO"]
      callback_urls                        = ["http://shop.example.com/callback"]
      explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    },
    {
      name                                 = "admin"
      allowed_oauth_flows_user_pool_client = true
      allowed_oauth_flows                  = ["code"]
      allowed_oauth_scopes                 = ["openid"]
      supported_identity_providers         = ["COGNITO"]
      callback_urls                        = ["https://admin.example.com/callback"]
      explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
      token_validity_units = {
        access_token = "days"
      }
      access_token_validity = 2
    },
  ]
}
