variable "domain" {
  type    = string
  default = "shop.example.com"
}

variable "stage" {
  type = string
}

variable "token_hours" {
  default = 48
}

locals {
  callback = "http://${var.domain}/callback"
  logout   = "https://${var.domain}/logout"
  name     = "web-${var.stage}"
}

resource "aws_cognito_user_pool" "pool" {
  name = "shop"
}

resource "aws_cognito_resource_server" "api" {
  user_pool_id = aws_cognito_user_pool.pool.id
  identifier   = "https://api.example.com"
  name         = "api"

  scope {
    scope_name        = "read"
    scope_description = "read"
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = local.name
  user_pool_id                         = aws_cognito_user_pool.pool.id
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "Profile"]
  callback_urls                        = [local.callback, "https://${var.domain}/ok"]
  logout_urls                          = [local.logout]
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH"]
  access_token_validity                = var.token_hours

  token_validity_units {
    access_token = "hours"
  }
}

resource "aws_cognito_user_pool_client" "per_env" {
  for_each     = toset(["dev", "prod"])
  name         = "client-${each.key}"
  user_pool_id = aws_cognito_user_pool.pool.id

  # appclient-ignore: redirect-https
  callback_urls = ["http://${each.key}.example.com/cb", "http://app.example.com/cb"]

  dynamic "refresh_token_rotation" {
    for_each = var.stage == "prod" ? [1] : []
    content {
      feature = "ENABLED"
    }
  }
}

resource "aws_cognito_user_pool_client" "counted" {
  count           = 2
  name            = "client ${count.index}"
  user_pool_id    = aws_cognito_user_pool.pool.id
  allowed_oauth_flows = ["client_credentials"]
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_scopes = ["${aws_cognito_resource_server.api.identifier}/read"]
}
