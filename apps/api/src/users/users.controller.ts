import { Body, ConflictException, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserView } from '@lp/domain';
import { toUserView, UserRepository } from '@lp/persistence';
import { Roles } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { CreateUserDto } from './create-user.dto';

/** People and their roles, managed by admins. */
@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserRepository) {}

  @Get()
  async list(): Promise<{ items: UserView[] }> {
    return { items: (await this.users.list()).map(toUserView) };
  }

  @Post()
  async create(@Body() dto: CreateUserDto): Promise<UserView> {
    if (await this.users.findByEmail(dto.email)) throw new ConflictException(`a user with email ${dto.email} exists`);
    const user = await this.users.create({
      email: dto.email,
      name: dto.name,
      role: dto.role,
      passwordHash: await AuthService.hashPassword(dto.password),
    });
    return toUserView(user);
  }
}
