import { IsEmail, IsIn, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '@lp/domain';

export class CreateUserDto {
  @IsEmail()
  email!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsString()
  @Length(12, 200)
  password!: string;
}
