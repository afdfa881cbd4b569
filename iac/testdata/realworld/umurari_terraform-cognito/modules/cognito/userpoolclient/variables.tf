# var.cognito_user_pool_client
variable "cognito_user_pool_client_name" {
  description = "Cognito user pool app client name"
  #default = "umappclient"
}

# var.userpool_id
variable "userpool_id" {
  description = "Cognito user pool Id"
}