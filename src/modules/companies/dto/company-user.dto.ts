import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../officers/password.js';
import { COMPANY_USER_ROLES, type CompanyUserRole } from '../company-principal.js';

export class CreateCompanyUserRequestDto {
  @ApiProperty({
    example: 'tran.thi.binh',
    pattern: '^[a-z0-9._-]{3,64}$',
    description: 'Lower-cased; unique across every company and the officers',
  })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ enum: COMPANY_USER_ROLES })
  @IsIn(COMPANY_USER_ROLES)
  role: CompanyUserRole;
}

export class CompanyUserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'tran.thi.binh' })
  username: string;

  @ApiProperty({ enum: COMPANY_USER_ROLES })
  role: CompanyUserRole;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null while the person may sign in' })
  disabledAt: string | null;
}
