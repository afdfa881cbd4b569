# Data source for current AWS region
data "aws_region" "current" {}
